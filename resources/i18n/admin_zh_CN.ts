<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminHome</name>
    <message>
        <location filename="../../app/ui/admin/home.py" line="+28"/>
        <source>ExamDesk — centre administration</source>
        <translation>ExamDesk 考务管理</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;1 Sessions</source>
        <translation>场次(&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;2 Candidate roster</source>
        <translation>考生名单(&amp;2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;3 Users</source>
        <translation>用户(&amp;3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;4 Standards and banks</source>
        <translation>标准与题库(&amp;4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;5 Results and export</source>
        <translation>成绩与导出(&amp;5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;6 Item analysis</source>
        <translation>试卷分析(&amp;6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;7 Stations</source>
        <translation>&amp;7 考试机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;8 Comprehensive review</source>
        <translation>&amp;8 综合评审</translation>
    </message>
</context>
<context>
    <name>AdminText</name>
    <message>
        <location filename="../../app/ui/admin/labels.py" line="+37"/>
        <source>Administrator</source>
        <translation>考务管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Proctor</source>
        <translation>监考员</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Examiner</source>
        <translation>考评员</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Chief examiner</source>
        <translation>主考评员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review panel member</source>
        <translation>评审组成员</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Level 5</source>
        <translation>五级</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Level 4</source>
        <translation>四级</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Level 3</source>
        <translation>三级</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Level 2</source>
        <translation>二级</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Level 1</source>
        <translation>一级</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{score} (pass)</source>
        <translation>{score}（合格）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{score} (fail)</source>
        <translation>{score}（不合格）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{candidates} candidates but only {actual} proctors: at least {required} needed (1 per {per} candidates, at least {least} per room)</source>
        <translation>{candidates} 名考生只有 {actual} 名监考员：至少需要 {required} 名（每 {per} 名考生 1 名，每考场至少 {least} 名）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{candidates} candidates but only {actual} examiners: at least {required} needed (1 per {per} candidates, at least {least}, an odd number)</source>
        <translation>{candidates} 名考生只有 {actual} 名考评员：至少需要 {required} 名（每 {per} 名考生 1 名，至少 {least} 名，且为奇数）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{candidates} candidates but only {actual} examiners: at least {required} needed (1 per {per} candidates, at least {least})</source>
        <translation>{candidates} 名考生只有 {actual} 名考评员：至少需要 {required} 名（每 {per} 名考生 1 名，至少 {least} 名）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{actual} examiners: the number of examiners must be odd (for example {required})</source>
        <translation>现有 {actual} 名考评员：考评员人数须为奇数（例如 {required} 名）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only {actual} review panel members: at least {required} needed</source>
        <translation>评审组只有 {actual} 名成员：至少需要 {required} 名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{actual} review panel members: the number must be odd (for example {required})</source>
        <translation>评审组现有 {actual} 名成员：人数须为奇数（例如 {required} 名）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skill task {task}: {actual} examiners score it; each task needs at least {least}, an odd number</source>
        <translation>技能任务 {task}：{actual} 名考评员评分；每项任务至少需要 {least} 名，且为奇数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skill task {task}: {actual} examiners score it; each task needs at least {least}</source>
        <translation>技能任务 {task}：{actual} 名考评员评分；每项任务至少需要 {least} 名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The review panel has no chair: assign a chief examiner as Review panel chair</source>
        <translation>评审组尚无组长：请指派一名主考评员担任评审组长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{actual} review panel chairs: a panel has one</source>
        <translation>评审组长 {actual} 名：每个评审组只设一名组长</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{level} has no comprehensive review</source>
        <translation>{level}不设综合评审</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} minutes is too short: {code} requires at least {per} minutes per candidate for the {part}, {required} minutes for {candidates} candidates</source>
        <translation>{minutes} 分钟过短：{code} 要求{part}每名考生不少于 {per} 分钟，{candidates} 名考生共需 {required} 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{minutes} minutes is too short: {code} requires at least {required} minutes for the {part}</source>
        <translation>{minutes} 分钟过短：{code} 规定{part}不少于 {required} 分钟</translation>
    </message>
</context>
<context>
    <name>AnalysisTab</name>
    <message>
        <location filename="../../app/ui/admin/analysis_tab.py" line="+64"/>
        <source>&amp;Session:</source>
        <translation>场次(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;PDF report…</source>
        <translation>保存 PDF 报告(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;CSV…</source>
        <translation>保存 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep for assembly</source>
        <translation>保留供组卷(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep each item&apos;s figures from this session in the store: papers prepared later use the observed difficulty of items that at least {n} candidates have answered.</source>
        <translation>将本场次各试题的统计数据保存到考务库：此后组卷时，作答人数累计达到 {n} 人的试题按实测难度使用。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+62"/>
        <source>Score histogram</source>
        <translation>成绩分布</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+63"/>
        <source>Difficulty and discrimination</source>
        <translation>难度与区分度</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+66"/>
        <source>Mean percentage per area</source>
        <translation>各职业功能平均得分率</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Item</source>
        <translation>试题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Area</source>
        <translation>职业功能</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+53"/>
        <source>Candidates</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+54"/>
        <source>Difficulty p</source>
        <translation>难度 p</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+54"/>
        <source>Discrimination D</source>
        <translation>区分度 D</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Item-total r</source>
        <translation>题总相关 r</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Omitted</source>
        <translation>未答率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options: all (upper/lower)</source>
        <translation>选项：全体（高分组/低分组）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Items</source>
        <translation>试题</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+10"/>
        <source>Choose a closed theory session.</source>
        <translation>请选择已结束的理论知识考试场次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item analysis is made for a theory session once it is closed; {code} is not one.</source>
        <translation>试卷分析只适用于已结束的理论知识考试场次；{code} 不是。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Analysing {code}…</source>
        <translation>正在分析 {code}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Total score</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pass mark {mark}</source>
        <translation>合格线 {mark}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flagged</source>
        <translation>需复查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fine</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D is not computed for items fewer than {n} candidates had</source>
        <translation>作答人数少于 {n} 的试题不计算区分度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean percentage</source>
        <translation>平均得分率（%）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KR-20 {value}</source>
        <translation>KR-20 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cronbach&apos;s alpha {value}</source>
        <translation>Cronbach α {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reliability} (by position: papers drawn per ticket)</source>
        <translation>{reliability}（按题位计算：试卷按准考证号分别抽题）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} candidates, {items} items ({per_paper} per paper). Mean {mean} of {top}, SD {sd}; pass rate {rate} at {mark}. Reliability {reliability}, SEM {sem}. {flagged} items flagged.</source>
        <translation>分析 {count} 人，涉及 {items} 道试题（每卷 {per_paper} 题）。平均分 {mean}（满分 {top}），标准差 {sd}；合格率 {rate}（合格线 {mark}）。信度 {reliability}，测量标准误 {sem}。标记试题 {flagged} 道。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>* fewer than {n}: unstable</source>
        <translation>* 作答人数少于 {n}：统计不稳定</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fewer than {n} candidates ({count}): these figures are unstable; do not revise items on them alone.</source>
        <translation>考生少于 {n} 人（本场 {count} 人）：以下统计量不稳定，不宜据此单独删改试题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fewer than {n} candidates: no discrimination, item-total correlation, reliability or flags.</source>
        <translation>考生少于 {n} 人：不计算区分度、题总相关和信度，也不标记试题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Papers are drawn per ticket, so each item had its own candidates: figures of an item fewer than {n} had (marked *) are unstable, under {m} not computed.</source>
        <translation>试卷按准考证号分别抽题，每题作答人数不同：作答人数少于 {n} 的试题（标 *）统计不稳定，少于 {m} 的不计算区分度。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The papers differ in their mix of item types: no reliability.</source>
        <translation>各份试卷的题型结构不一致：无法计算信度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out: {papers}.</source>
        <translation>未计入：{papers}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} {why}</source>
        <translation>{why} {count} 份</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true/false</source>
        <translation>判断</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fill in</source>
        <translation>填空</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>short answer</source>
        <translation>简答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case study</source>
        <translation>案例分析</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>negative D</source>
        <translation>区分度为负</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too easy (p &gt; {limit})</source>
        <translation>过易（p &gt; {limit}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too hard (p &lt; {limit})</source>
        <translation>过难（p &lt; {limit}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a distractor nobody chose</source>
        <translation>有无人选的干扰项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>terminated</source>
        <translation>违纪终止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not submitted</source>
        <translation>未交卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for examiners</source>
        <translation>主观题尚未定分</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save item analysis report</source>
        <translation>保存试卷质量分析报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save items as CSV</source>
        <translation>将试题统计保存为 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Keeping the figures of {code}…</source>
        <translation>正在保存 {code} 的试题统计数据…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kept the figures of {count} items for paper assembly.</source>
        <translation>已保存 {count} 道试题的统计数据，供组卷使用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write {file}: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The analysis could not be made.</source>
        <translation>未能完成分析。</translation>
    </message>
</context>
<context>
    <name>EditSessionDialog</name>
    <message>
        <location filename="../../app/ui/admin/edit_session_dialog.py" line="+39"/>
        <source>Change session {code}</source>
        <translation>修改场次 {code}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. the computer lab is being repaired</source>
        <translation>例如：机房维修</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The session has started: only the room can change. Time changes are the proctors&apos; pauses and extensions.</source>
        <translation>场次已开考：只能修改考场。考试时间由监考员通过暂停和延时调整。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Papers are prepared: each fixed its candidate&apos;s time, so the duration is locked. The room and the start can change.</source>
        <translation>试卷已生成：每份试卷已确定考生的考试时长，时长不能再改；考场和开考时间仍可修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Room, start and duration can change until papers are prepared.</source>
        <translation>生成试卷之前，考场、开考时间和时长均可修改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code, standard, level and part never change: to change them, cancel the session and schedule another.</source>
        <translation>场次编号、标准、等级和考核项目不能修改：如需更改，请取消本场次并另行安排。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Session:</source>
        <translation>场次：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Room:</source>
        <translation>考场(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tart:</source>
        <translation>开考时间(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duration:</source>
        <translation>时长(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eason:</source>
        <translation>理由(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close without changes</source>
        <translation>不修改，关闭</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Say why the session changes: the reason is kept with the change.</source>
        <translation>请填写修改理由：理由将与修改一并记录。</translation>
    </message>
</context>
<context>
    <name>ImportOptions</name>
    <message>
        <location filename="../../app/ui/admin/standards_tab.py" line="+53"/>
        <source>Import a question bank of another format</source>
        <translation>导入其他格式的题库</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Standard</source>
        <translation>职业标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a &amp;mapping file…</source>
        <translation>选择映射文件(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No mapping file: the workbook&apos;s own columns must give area, content code and levels</source>
        <translation>未选择映射文件：工作簿本身的列须给出职业功能、内容代码和适用等级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Skip questions that cannot be represented (each is listed)</source>
        <translation>跳过无法导入的试题(&amp;S)（逐一列出）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;tandard:</source>
        <translation>职业标准(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mapping file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mapping files (*.yaml *.yml)</source>
        <translation>映射文件 (*.yaml *.yml)</translation>
    </message>
</context>
<context>
    <name>KeyBox</name>
    <message>
        <location filename="../../app/ui/admin/results_tab.py" line="+35"/>
        <source>Centre public key</source>
        <translation>考点公钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export public &amp;key…</source>
        <translation>导出公钥(&amp;K)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This centre has no signing key yet.</source>
        <translation>本考点尚无签名密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fingerprint: {fingerprint}</source>
        <translation>公钥指纹：{fingerprint}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save public key</source>
        <translation>保存公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM public keys (*.pem)</source>
        <translation>PEM 公钥文件 (*.pem)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write {file}: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {file}. Fingerprint {fingerprint}: tell the receiver this fingerprint by another channel.</source>
        <translation>已保存 {file}。公钥指纹 {fingerprint}：请通过其他渠道（如电话、公函）将此指纹告知接收方。</translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message>
        <location filename="../../app/ui/admin/packages_dialog.py" line="+20"/>
        <location line="+8"/>
        <source>Sealed exam packages</source>
        <translation>密封试卷包</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exam owner</source>
        <translation>命题单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opens at (UTC)</source>
        <translation>启封时间（UTC）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256 摘要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Trust an exam owner&apos;s key…</source>
        <translation>信任命题单位公钥(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register the public key (PEM) the exam owner sent; compare the fingerprint shown with the one the owner gave by phone or on paper</source>
        <translation>登记命题单位发来的公钥（PEM）；请将显示的指纹与命题单位通过电话或书面给出的指纹核对</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import package…</source>
        <translation>导入试卷包(&amp;I)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open with release key…</source>
        <translation>用启封密钥启封(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At or after the start time: type the release key the exam owner gave</source>
        <translation>开考时间到达后：输入命题单位下发的启封密钥</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Trusted exam owners: {names}</source>
        <translation>已信任的命题单位：{names}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>No exam owner is trusted yet: a package can be imported only from one.</source>
        <translation>尚未信任任何命题单位：只能导入已信任命题单位签名的试卷包。</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Keep a sealed package for the exam day: its signature is checked; its content stays sealed. A revocation from its owner is recorded the same way</source>
        <translation>保存密封试卷包以备考试当天使用：核验其签名，内容保持密封。命题单位的撤销文件也在此导入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open with &amp;QR code image…</source>
        <translation>用二维码图片启封(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At or after the start time: choose a photo or scan of the release key&apos;s QR code</source>
        <translation>开考时间到达后：选择启封密钥二维码的照片或扫描件</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>revoked: {reason}</source>
        <translation>已撤销：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opened {when}</source>
        <translation>已于 {when} 启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealed</source>
        <translation>密封中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{state} (version {version})</source>
        <translation>{state}（第 {version} 版）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exam owner&apos;s public key</source>
        <translation>命题单位公钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public keys (*.pem)</source>
        <translation>公钥文件 (*.pem)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust an exam owner</source>
        <translation>信任命题单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The exam owner&apos;s name:</source>
        <translation>命题单位名称：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trusted {name}. Fingerprint (SHA-256): {fingerprint}. Compare it with the one the exam owner gave you.</source>
        <translation>已信任 {name}。公钥指纹（SHA-256）：{fingerprint}。请与命题单位告知的指纹核对。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import sealed package</source>
        <translation>导入密封试卷包</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sealed packages and revocations (*.pkg *.rev);;All files (*)</source>
        <translation>密封试卷包与撤销文件 (*.pkg *.rev);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recorded the revocation of the package for session {session}: {reason}. It is refused from now on.</source>
        <translation>已登记场次 {session} 试卷包的撤销：{reason}。此后该试卷包一律拒收。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported the package for session {session}; it opens at {time} (UTC) with its release key.</source>
        <translation>已导入场次 {session} 的试卷包；{time}（UTC）起可用启封密钥启封。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the package to open in the table.</source>
        <translation>请在表中选择要启封的试卷包。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open sealed package</source>
        <translation>启封试卷包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release key for session {session}:</source>
        <translation>场次 {session} 的启封密钥：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Release key&apos;s QR code</source>
        <translation>启封密钥二维码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This computer cannot read QR codes from images (the ZBar library is not installed): type the release key instead.</source>
        <translation>本机无法识别图片中的二维码（未安装 ZBar 库）：请改为手工输入启封密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} is not an image this computer can read.</source>
        <translation>{file} 不是本机能读取的图片。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No release key&apos;s QR code found in {file}.</source>
        <translation>{file} 中没有找到启封密钥二维码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The QR code is the release key of package {package}, which this centre does not hold: import the package first.</source>
        <translation>该二维码是试卷包 {package} 的启封密钥，本考点没有此试卷包：请先导入试卷包。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opened the package for session {session}: {papers} fixed papers, used as assembled; banks {banks}.</source>
        <translation>已启封场次 {session} 的试卷包：固定试卷 {papers} 套，按原样使用；题库 {banks}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened the package for session {session}: banks {banks}.</source>
        <translation>已启封场次 {session} 的试卷包：题库 {banks}。</translation>
    </message>
</context>
<context>
    <name>PapersBox</name>
    <message>
        <location filename="../../app/ui/admin/sessions_tab.py" line="+57"/>
        <source>Candidates and papers</source>
        <translation>考生与试卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper</source>
        <translation>试卷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Candidates of the session</source>
        <translation>本场次考生</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Prepare papers</source>
        <translation>生成试卷(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build a paper for every candidate who has none yet (Alt+P)</source>
        <translation>为尚无试卷的每位考生组卷（Alt+P）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in s&amp;heet…</source>
        <translation>签到表(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the session&apos;s sign-in sheet to print (PDF)</source>
        <translation>保存本场次的签到表以便打印（PDF）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room rec&amp;ord…</source>
        <translation>考场记录(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the closed session&apos;s room record to print and sign (PDF)</source>
        <translation>保存已结束场次的考场记录以便打印签字（PDF）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The comprehensive review has no paper: the review panel scores it.</source>
        <translation>综合评审不使用试卷，由评审组评分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{ready} of {count} candidates have a paper.</source>
        <translation>{count} 名考生中 {ready} 人已有试卷。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save sign-in sheet</source>
        <translation>保存签到表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code}-sign-in-sheet.pdf</source>
        <translation>{code}-签到表.pdf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save room record</source>
        <translation>保存考场记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code}-room-record.pdf</source>
        <translation>{code}-考场记录.pdf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Build and fix a paper for each of the {count} candidates of {session} who have none yet? A fixed paper cannot be changed.</source>
        <translation>为场次 {session} 中尚无试卷的 {count} 名考生组卷并固定试卷吗？试卷固定后不能更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prepare papers</source>
        <translation>生成试卷</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Building papers…</source>
        <translation>正在组卷…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{count} papers prepared just now.</source>
        <translation>本次生成 {count} 份试卷。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No papers</source>
        <translation>未生成试卷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The banks cannot fill this paper:
{problem}</source>
        <translation>题库不足以组成此试卷：
{problem}</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <location filename="../../app/ui/admin/results_tab.py" line="+23"/>
        <source>&amp;Session:</source>
        <translation>场次(&amp;S)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>作答状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theory</source>
        <translation>理论知识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skill</source>
        <translation>技能考核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>认定结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mask names and ID numbers in the bundle</source>
        <translation>成绩包中的姓名和身份证号脱敏(&amp;M)（导出脱敏）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export signed bundle…</source>
        <translation>导出成绩包(&amp;E)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Result bundle</source>
        <translation>签名成绩包</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{count} candidates: {passed} passed, {failed} failed, {pending} pending.</source>
        <translation>共 {count} 名考生：合格 {passed} 人，不合格 {failed} 人，待定 {pending} 人。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save result bundle</source>
        <translation>保存成绩包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result bundles (*.zip)</source>
        <translation>成绩包 (*.zip)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export without masking</source>
        <translation>不脱敏导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does this bundle need names and ID numbers in full?</source>
        <translation>为什么这份成绩包需要完整的姓名和身份证号？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing and signing {file}…</source>
        <translation>正在生成并签名 {file}…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved {file}: {count} candidates, signed with key {fingerprint}.</source>
        <translation>已保存 {file}：{count} 名考生，签名密钥 {fingerprint}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bundle was not written.</source>
        <translation>成绩包未生成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write {file}: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../app/ui/admin/review_tab.py" line="+35"/>
        <source>Review session</source>
        <translation>评审场次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no comprehensive review is scheduled)</source>
        <translation>（尚未安排综合评审）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;view session:</source>
        <translation>评审场次(&amp;V)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Load the exam owner&apos;s criteria file…</source>
        <translation>载入考核方评审标准文件(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A YAML file of the format examdesk-review-criteria/1; it counts from now on, until the panel starts scoring</source>
        <translation>格式为 examdesk-review-criteria/1 的 YAML 文件；载入后即生效，评审组开始评分后不可再更换</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review criteria</source>
        <translation>评审标准</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Candidate:</source>
        <translation>考生(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Materials register</source>
        <translation>材料登记</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Mark &amp;received</source>
        <translation>标记为已收到(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;missing</source>
        <translation>标记为缺交(&amp;M)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. the application form</source>
        <translation>例如：职业技能等级认定申报表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not counted</source>
        <translation>未计页数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach a &amp;file (kept encrypted)</source>
        <translation>附加文件(&amp;F)（加密保存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not here &amp;yet: list it as expected</source>
        <translation>尚未收到(&amp;Y)：登记为待收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;gister</source>
        <translation>登记(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register an entry</source>
        <translation>登记一项材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pages:</source>
        <translation>页数(&amp;P)：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{code} · {room}</source>
        <translation>{code} · {room}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{ticket} {name}</source>
        <translation>{ticket} {name}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{name}: {weight}%</source>
        <translation>{name}：{weight}%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spread that flags a disagreement: {spread} points</source>
        <translation>评分分歧阈值：{spread} 分</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The exam owner&apos;s review criteria</source>
        <translation>考核方评审标准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Criteria (*.yaml *.yml)</source>
        <translation>评审标准 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The file to attach</source>
        <translation>要附加的文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any file (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Application materials</source>
        <translation>申报材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representative work</source>
        <translation>主要成果代表作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer&apos;s assessment</source>
        <translation>单位评价</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected</source>
        <translation>待收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>缺交</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The exam owner&apos;s criteria: {name}</source>
        <translation>考核方评审标准：{name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A file that calls itself an example was loaded: {name}. Load the exam owner&apos;s own criteria.</source>
        <translation>已载入的文件自称为示例：{name}。请载入考核方自己的评审标准。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No criteria were supplied: the panel scores against the example ({name}), which is not official. Load the exam owner&apos;s file.</source>
        <translation>尚未提供评审标准：评审组按示例（{name}）评分，示例并非官方标准。请载入考核方的文件。</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../../app/ui/admin/roster_tab.py" line="+54"/>
        <source>&amp;Session:</source>
        <translation>场次(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open roster file…</source>
        <translation>打开名单文件(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A CSV or Excel file with the columns {ticket} (ticket number), {name} (name), {id_number} (ID number) and optionally {photo} (photo file)</source>
        <translation>CSV 或 Excel 文件，含{ticket}、{name}、{id_number}列，{photo}列可选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No file chosen. Columns: {ticket} (ticket number), {name} (name), {id_number} (ID number), optional {photo} (photo file, JPEG or PNG).</source>
        <translation>尚未选择文件。所需列：{ticket}、{name}、{id_number}；{photo}列可选（JPEG 或 PNG 文件）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problems in the roster</source>
        <translation>名单中的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number (masked)</source>
        <translation>身份证号（脱敏）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roster preview</source>
        <translation>名单预览</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+85"/>
        <location line="+48"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Open roster</source>
        <translation>打开考生名单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rosters (*.csv *.xlsx *.xlsm);;All files (*)</source>
        <translation>考生名单 (*.csv *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File: {file}</source>
        <translation>文件：{file}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{file}, row {row}: ticket {ticket} is already in session {session}</source>
        <translation>{file} 第 {row} 行：准考证号 {ticket} 已在场次 {session} 中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{clashes} of {count} candidates are already in session {session}: nothing can be imported. Remove them from the file or choose another session.</source>
        <translation>{count} 名考生中有 {clashes} 名已在场次 {session} 中，无法导入。请从文件中删除他们，或选择其他场次。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} candidates read, no problems found. Check them, then import.</source>
        <translation>已读取 {count} 名考生，未发现问题。请核对后导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import {count} candidates</source>
        <translation>导入 {count} 名考生(&amp;I)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{count} problems found. Nothing was imported: correct the file and open it again.</source>
        <translation>发现 {count} 个问题，未导入任何考生：请修改文件后重新打开。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}, row {row}: {reason}</source>
        <translation>{file} 第 {row} 行：{reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} candidates imported into {session}.</source>
        <translation>已向场次 {session} 导入 {count} 名考生。</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../app/ui/admin/schedule_dialog.py" line="+43"/>
        <source>Schedule a session</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 2026-11-T5-01</source>
        <translation>例如 2026-11-T5-01</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. Room 1 (computer lab 301)</source>
        <translation>例如 第一考场（机房301）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Session &amp;code:</source>
        <translation>场次编号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tandard:</source>
        <translation>职业标准(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;b-type:</source>
        <translation>工种(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Level:</source>
        <translation>等级(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Part:</source>
        <translation>考核方式(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Room:</source>
        <translation>考场(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start t&amp;ime:</source>
        <translation>开考时间(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duration:</source>
        <translation>考试时长(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Schedule</source>
        <translation>安排场次(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(main occupation)</source>
        <translation>（本职业，不分工种）</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The standard requires at least {standard} minutes for the {part}; the tasks the bank may draw take up to {minutes}.</source>
        <translation>标准要求{part}不少于 {standard} 分钟；题库可能抽到的任务最长需 {minutes} 分钟。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The standard requires at least {minutes} minutes for the {part}.</source>
        <translation>标准规定{part}不少于 {minutes} 分钟。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{typed} minutes is shorter than the standard allows: the duration is set to the minimum, {minutes} minutes.</source>
        <translation>{typed} 分钟短于标准规定，不予采用：时长已设为最短时长 {minutes} 分钟。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>session code</source>
        <translation>场次编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>room</source>
        <translation>考场</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+19"/>
        <source>Please fill in: {fields}.</source>
        <translation>请填写：{fields}。</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../app/ui/admin/sessions_tab.py" line="+21"/>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part</source>
        <translation>考核方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>开考时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candidates</source>
        <translation>考生数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sessions</source>
        <translation>场次列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New session…</source>
        <translation>新建场次(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule a session (Ctrl+N)</source>
        <translation>新建场次（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;dit…</source>
        <translation>修改(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the room, start or duration of the chosen session, with a reason</source>
        <translation>修改所选场次的考场、开考时间或时长（须填写理由）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cance&amp;l session…</source>
        <translation>取消场次(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel a session not yet started: everything it holds is kept</source>
        <translation>取消尚未开考的场次：场次的全部记录均保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>No session chosen</source>
        <translation>未选择场次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{standard}. {room}, starts {start}, {minutes} minutes; {count} candidates; {state}.</source>
        <translation>{standard}。{room}，{start} 开考，时长 {minutes} 分钟；考生 {count} 名；{state}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled: {reason}</source>
        <translation>已取消：{reason}</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+6"/>
        <source>Cancel session</source>
        <translation>取消场次</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Why is session {code} cancelled? Its candidates, staff and papers are kept; it can no longer be started or exported.</source>
        <translation>为什么取消场次 {code}？其考生、考务人员和试卷均保留；取消后不能再开考或导出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A reason is required to cancel: nothing was done.</source>
        <translation>取消场次须填写理由：未做任何更改。</translation>
    </message>
</context>
<context>
    <name>StaffingBox</name>
    <message>
        <location filename="../../app/ui/admin/staffing_box.py" line="+133"/>
        <source>Staff and staffing check</source>
        <translation>考务人员与配备检查</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(nobody else can take this duty)</source>
        <translation>（没有其他可担任此职责的人员）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assign</source>
        <translation>指派(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the chosen person to this session (Alt+A)</source>
        <translation>将所选人员指派到本场次（Alt+A）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;uty:</source>
        <translation>职责(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;erson:</source>
        <translation>人员(&amp;E)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assigned staff</source>
        <translation>已分配的人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(nobody is assigned)</source>
        <translation>（尚未分配人员）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move from session</source>
        <translation>移出场次(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take this duty in the session from the chosen person</source>
        <translation>取消所选人员在本场次中的该项职责</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tasks…</source>
        <translation>任务(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the skill tasks the chosen examiner scores (per-task duties)</source>
        <translation>选择该考评员负责评分的技能任务（按任务分工）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Record electronic &amp;surveillance…</source>
        <translation>记录全方位电子监控(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The room is under full electronic surveillance: the standard then asks for fewer proctors per candidate. Recorded with a reason, audited and stated in the results.</source>
        <translation>考场实行全方位电子监控时，标准允许适当降低监考人员比例。须填写理由，记入审计日志并在成绩数据中注明。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Staffing findings</source>
        <translation>人员配备检查结果</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Review panel chair</source>
        <translation>评审组长</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Under full electronic surveillance: {reason}</source>
        <translation>实行全方位电子监控：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Electronic surveillance</source>
        <translation>全方位电子监控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How is the room under full electronic surveillance (cameras, recording, who watches)?</source>
        <translation>考场如何实行全方位电子监控（摄像头、录像、值守人员）？</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{name} — {duty}</source>
        <translation>{name} — {duty}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Remove from session</source>
        <translation>移出场次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {who} from session {code}?</source>
        <translation>将{who}移出场次 {code}？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a session on the left.</source>
        <translation>请在左侧选择场次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody is assigned to this session yet.</source>
        <translation>本场次尚未指派任何考务人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{duty}: {names}</source>
        <translation>{duty}：{names}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deactivated accounts still hold duties here and cannot sign in: {names}. Remove them or reactivate their accounts on the Users tab.</source>
        <translation>以下已停用的账号仍在本场次担任职责，且无法登录：{names}。请将其移出本场次，或在“用户”页重新启用其账号。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} (tasks {tasks})</source>
        <translation>{name}（任务 {tasks}）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Staffing and time meet the standard.</source>
        <translation>人员配备和考试时长符合标准要求。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet as the standard requires:</source>
        <translation>尚未达到标准要求：</translation>
    </message>
</context>
<context>
    <name>StandardsTab</name>
    <message>
        <location filename="../../app/ui/admin/standards_tab.py" line="+21"/>
        <source>&amp;Import question bank…</source>
        <translation>导入题库(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check a bank file (YAML) against every bank in use and keep it, encrypted, in this centre&apos;s store</source>
        <translation>将题库文件（YAML）与在用的全部题库一起校验，并加密保存到本考点的数据库</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sealed &amp;packages…</source>
        <translation>密封试卷包(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exam content sealed by its owner: trust the owner&apos;s key, import a package before the day, open it with the release key at the start time</source>
        <translation>命题单位密封的考试内容：信任其公钥，考前导入试卷包，开考时用启封密钥启封</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Item-writing warnings in the bank to import</source>
        <translation>待导入题库的命题质量警告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;anyway</source>
        <translation>仍然导入(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The warnings do not make the bank invalid: papers can use it</source>
        <translation>这些警告不会使题库无效：组卷仍可使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel, to revise the bank</source>
        <translation>取消，先修改题库(&amp;C)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Occupation</source>
        <translation>职业名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum minutes</source>
        <translation>最短时长（分钟）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight tables</source>
        <translation>权重表</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <source>Standards</source>
        <translation>职业标准</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Standard</source>
        <translation>职业标准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions</source>
        <translation>试题数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skill tasks</source>
        <translation>技能任务数</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Question banks</source>
        <translation>题库</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Import question bank</source>
        <translation>导入题库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question banks (*.yaml *.yml *.xlsx *.zip *.xml *.gift *.txt)</source>
        <translation>题库文件 (*.yaml *.yml *.xlsx *.zip *.xml *.gift *.txt)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：未导入任何内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{banks}: the item-writing check found {count} warning(s), patterns that let candidates answer without knowing the content. They do not stop the import; revise the questions, or explain each in a comment (# lint: ok RULE: why) where the bank is kept as YAML.</source>
        <translation>{banks}：命题质量检查发现 {count} 条警告，即考生不掌握内容也能猜中答案的命题模式。警告不妨碍导入；请修改试题，或在 YAML 题库中用注释逐条说明理由（# lint: ok 规则: 理由）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} more are explained in comments.</source>
        <translation>另有 {count} 条已在注释中说明理由。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{count} problem(s): nothing was imported.</source>
        <translation>发现 {count} 个问题，未导入任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the pass mark</source>
        <translation>合格分数线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the minimum durations</source>
        <translation>最短考核时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the staffing ratios</source>
        <translation>监考及考评人员配比</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code}: {text}</source>
        <translation>{code}：{text}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>official</source>
        <translation>官方发布</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>supplied by the exam owner</source>
        <translation>由考试组织方提供</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theory</source>
        <translation>理论知识考试</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skill</source>
        <translation>技能考核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{minutes} (borrowed)</source>
        <translation>{minutes}（借用）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{standards} standards, {banks} banks: {items} questions and {tasks} skill tasks.</source>
        <translation>共 {standards} 个职业标准、{banks} 个题库：试题 {items} 道，技能任务 {tasks} 个。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported standards that could not be loaded are not in use; see the problems below. </source>
        <translation>有已导入的职业标准无法载入，未投入使用，详见下方问题列表。</translation>
    </message>
    <message>
        <location line="-288"/>
        <source>Import &amp;standard…</source>
        <translation>导入标准(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check a standard file (YAML) and every bank in use against it, and keep it in this centre&apos;s store; a new edition of a standard replaces the one in use</source>
        <translation>检查标准文件（YAML）并用它核对所有在用题库，然后保存在本考点的数据库中；同一标准的新版本将替换在用版本</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Sub-types</source>
        <translation>工种</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Import standard</source>
        <translation>导入标准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Standards (*.yaml *.yml)</source>
        <translation>标准文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+52"/>
        <source>{bank} ({count} questions)</source>
        <translation>{bank}（{count} 题）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported: {names}. </source>
        <translation>已导入：{names}。</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Problems in the imported file</source>
        <translation>导入文件中的问题</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>{code} does not set {rules} itself: they are borrowed from {source}.</source>
        <translation>{code} 未规定{rules}，现借用 {source} 的规定。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{edition} (imported)</source>
        <translation>{edition}（已导入）</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <location filename="../../app/ui/admin/stations_tab.py" line="+24"/>
        <source>Station</source>
        <translation>考试机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Audit entry held</source>
        <translation>所持审计条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enrolled stations</source>
        <translation>已登记的考试机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;One-time code</source>
        <translation>生成一次性登记码(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enrol a PC</source>
        <translation>登记一台考试机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the seat&apos;s station name, then give the code to whoever sets up that PC: they type it there within 15 minutes (examdesk-gui --centre ...).</source>
        <translation>输入该座位的考试机名称，再把登记码交给设置该机的人员：须在 15 分钟内在该机上输入（examdesk-gui --centre ...）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Station (seat):</source>
        <translation>考试机（座位）(&amp;S)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This PC works on its own store (single-station mode): codes are given on an admin PC in centre mode (examdesk-gui --centre ...) or on the centre server (examdesk centre enrol-code).</source>
        <translation>本机使用自己的数据库（单机模式）：登记码须在中心模式的管理端电脑上生成（examdesk-gui --centre ...），或在考点服务器上生成（examdesk centre enrol-code）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Revoke the selected station</source>
        <translation>撤销所选考试机(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stolen or replaced PC: every further call from it is refused</source>
        <translation>被盗或更换的电脑：此后它的所有请求都将被拒绝</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Go on without the standby</source>
        <translation>不用备用服务器继续(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The standby server died: saves stop waiting for it and go on on the centre server alone (recorded in the audit log)</source>
        <translation>备用服务器已失效：保存不再等待它，只在考点服务器上继续（记入审计日志）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Standby&apos;s name</source>
        <translation>备用服务器名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name the standby connects under (its application_name): &apos;examdesk centre standby status&apos; lists those streaming</source>
        <translation>备用服务器连接时使用的名称（application_name）：&apos;examdesk centre standby status&apos; 列出正在同步的备用服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-&amp;attach the standby</source>
        <translation>重新接入备用服务器(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The standby streams from this server again: every save waits for it once more (recorded in the audit log)</source>
        <translation>备用服务器已重新从本服务器同步：每次保存再次等待它确认（记入审计日志）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Standby&apos;s &amp;name:</source>
        <translation>备用服务器名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>THE STORE WAS PUT BACK to an earlier copy: {problem} ({count} time(s) seen). Answers and actions after that copy are missing from it.</source>
        <translation>数据库已被恢复为较早的副本：{problem}（已发现 {count} 次）。该副本之后的作答和操作均已缺失。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Audit head: {head}. No station holds a later one.</source>
        <translation>审计链末条：{head}。没有考试机持有更新的条目。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Standby server: in step. Every save is on both servers.</source>
        <translation>备用服务器：同步正常。每次保存都同时在两台服务器上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standby server: NOT ANSWERING since {since}. Every save waits at the centre until you go on without it (or it comes back). Candidates answer on; each PC keeps its answers meanwhile.</source>
        <translation>备用服务器：自 {since} 起无响应。每次保存都在考点等待，直到您选择不用备用服务器继续（或它恢复）。考生可继续作答，期间答案保存在各考试机上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standby server: none attached since {since}. Saves are on this server only; once a standby streams from it again, re-attach it below.</source>
        <translation>备用服务器：自 {since} 起未接入。保存仅在本服务器上；备用服务器重新同步后，请在下方重新接入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standby server: its state cannot be read ({detail}).</source>
        <translation>备用服务器：无法读取其状态（{detail}）。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Let saves go on without the standby server? Until a standby is attached again, an answer is on this server only.</source>
        <translation>不用备用服务器继续保存吗？在重新连接备用服务器之前，答案只保存在本服务器上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go on without the standby</source>
        <translation>不用备用服务器继续</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make every save wait for the standby {name} again? Do this once it streams from this server.</source>
        <translation>让每次保存重新等待备用服务器 {name} 确认吗？请在它已从本服务器同步后再执行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-attach the standby</source>
        <translation>重新接入备用服务器</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The state of the store&apos;s copy is unknown.</source>
        <translation>无法获知数据库副本的状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No copy of the store has been made yet (to {target}).</source>
        <translation>尚未生成数据库副本（目标：{target}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last copy of the store: {minutes} min ago, {size:.1f} MB, to audit entry {head}, in {target}.</source>
        <translation>最近一次数据库副本：{minutes} 分钟前，{size:.1f} MB，包含至第 {head} 条审计记录，位于 {target}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The last copy failed: {reason}</source>
        <translation>最近一次复制失败：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the station name of the seat first.</source>
        <translation>请先输入该座位的考试机名称。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For {station}, once, until {time}.</source>
        <translation>用于 {station}，仅可使用一次，有效期至 {time}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refuse every further call from {station}? It must be enrolled again to be used.</source>
        <translation>拒绝 {station} 此后的所有请求？该机须重新登记后才能使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke station</source>
        <translation>撤销考试机</translation>
    </message>
</context>
<context>
    <name>TaskChoice</name>
    <message>
        <location filename="../../app/ui/admin/staffing_box.py" line="-302"/>
        <source>Tasks {who} scores</source>
        <translation>{who} 负责评分的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick the skill tasks this examiner scores. None ticked: every task of the session. Each task needs its own panel of examiners as the standard asks.</source>
        <translation>勾选该考评员负责评分的技能任务。不勾选：评本场次的全部任务。每项任务都需要符合标准要求的考评员人数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skill tasks</source>
        <translation>技能任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{task} — {title} ({area})</source>
        <translation>{task} — {title}（{area}）</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../app/ui/admin/users_tab.py" line="+36"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account</source>
        <translation>账户状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Users</source>
        <translation>用户列表</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Create account</source>
        <translation>创建账户(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New staff account</source>
        <translation>新建考务人员账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User &amp;name:</source>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Display name:</source>
        <translation>姓名(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat pa&amp;ssword:</source>
        <translation>确认密码(&amp;S)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>R&amp;eset password</source>
        <translation>重置密码(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unlock</source>
        <translation>解除锁定(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock an account locked after five wrong passwords (Alt+U)</source>
        <translation>解除因连续五次密码错误而锁定的账户（Alt+U）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+62"/>
        <source>De&amp;activate</source>
        <translation>停用(&amp;A)</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>A deactivated account cannot sign in; its history and duties stay</source>
        <translation>停用的账号不能登录；其历史记录和职责保留</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selected account</source>
        <translation>所选账户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New pass&amp;word:</source>
        <translation>新密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat new passw&amp;ord:</source>
        <translation>确认新密码(&amp;O)：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose an account in the list.</source>
        <translation>请在列表中选择账户。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({username}), {role}, {state}</source>
        <translation>{name}（{username}），{role}，{state}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter a user name and a display name.</source>
        <translation>请填写用户名和姓名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <source>The two passwords differ: type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Account {username} created.</source>
        <translation>账户 {username} 已创建。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the new password twice.</source>
        <translation>请输入两次新密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set a new password for {name} ({username})?</source>
        <translation>为 {name}（{username}）设置新密码吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password of {username} reset; the account is unlocked.</source>
        <translation>{username} 的密码已重置，账户已解除锁定。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{username} is unlocked.</source>
        <translation>{username} 已解除锁定。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deactivate {name} ({username})? The account can no longer sign in and is signed out everywhere; its history and duties stay.</source>
        <translation>停用 {name}（{username}）？该账号将不能登录，并在所有考试机上退出；其历史记录和职责保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivate account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{username} is deactivated.</source>
        <translation>{username} 已停用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{username} is active again.</source>
        <translation>{username} 已重新启用。</translation>
    </message>
</context>
</TS>
