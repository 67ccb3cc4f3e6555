<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArbitrationPage</name>
    <message>
        <location filename="../../app/ui/examiner/arbitration.py" line="+70"/>
        <source>&amp;Questions of this candidate</source>
        <translation>该考生的试题(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Candi&amp;dates (anonymous code)</source>
        <translation>考生（匿名编号）(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Finalize this candidate</source>
        <translation>合成该考生成绩(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finish scoring for the session (&amp;E)</source>
        <translation>完成评分(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalize every candidate whose scores are complete and list those still waiting</source>
        <translation>为评分已齐全的考生合成成绩，并列出仍待评分或待仲裁的考生</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finalizing reports here which questions still wait.</source>
        <translation>合成成绩后，此处显示仍待处理的试题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arbitration score</source>
        <translation>仲裁评分</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{code} — finalized: {score}</source>
        <translation>{code} — 已定分：{score}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} — needs arbitration</source>
        <translation>{code} — 需仲裁</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Question {number}: {title} — needs arbitration</source>
        <translation>第 {number} 题：{title} — 需仲裁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question {number}: {title}</source>
        <translation>第 {number} 题：{title}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Candidate {code}: skill score {score} recorded.</source>
        <translation>考生 {code}：技能考核成绩 {score} 分，已记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Candidate {code} already has a skill result.</source>
        <translation>考生 {code} 的技能考核成绩已记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Candidate {code} is not finalized: {reason}</source>
        <translation>考生 {code}：{reason}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{code}: {score}</source>
        <translation>{code}：{score} 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code}: already finalized</source>
        <translation>{code}：成绩已记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{code}: {reason}</source>
        <translation>{code}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalized: {count}</source>
        <translation>已合成成绩：{count} 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: {count}</source>
        <translation>待处理：{count} 人</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Arbitrate the other marked questions, then finalize.</source>
        <translation>请仲裁其余标记的试题，然后合成成绩。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now finalize this candidate.</source>
        <translation>现在可以合成该考生的成绩。</translation>
    </message>
</context>
<context>
    <name>ExaminerHome</name>
    <message>
        <location filename="../../app/ui/examiner/home.py" line="+33"/>
        <source>ExamDesk — examiner</source>
        <translation>ExamDesk — 考评端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chief examiner</source>
        <translation>主考评员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examiner</source>
        <translation>考评员</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E&amp;xam session:</source>
        <translation>考试场次(&amp;X)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Live scoring</source>
        <translation>现场评分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Arbitration</source>
        <translation>仲裁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comprehensive review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{code} · {part} · {room}</source>
        <translation>{code} · {part} · {room}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>You are not assigned to any session.</source>
        <translation>您尚未被分配到任何考试场次。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{standard} {level} · {candidates} candidates</source>
        <translation>{standard} {level} · 考生 {candidates} 人</translation>
    </message>
</context>
<context>
    <name>HalfPointSpinBox</name>
    <message>
        <location filename="../../app/ui/examiner/score_form.py" line="+93"/>
        <source>&quot;{text}&quot; is not a score</source>
        <translation>“{text}”不是分数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} is outside 0 to {maximum}</source>
        <translation>{value} 超出 0 至 {maximum} 的范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} is not in half points</source>
        <translation>{value} 不是 0.5 分的整数倍</translation>
    </message>
</context>
<context>
    <name>LiveScoringPage</name>
    <message>
        <location filename="../../app/ui/examiner/live.py" line="+428"/>
        <source>No observed or oral task in this session.</source>
        <translation>本场次没有现场操作题或现场问答题。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Form an observation &amp;group…</source>
        <translation>编排观察组(&amp;G)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Live tasks (observed and oral):</source>
        <translation>现场评分题目（现场操作、现场问答）：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Group {name}: {count} candidate(s); examiners {examiners}</source>
        <translation>{name} 组：考生 {count} 人；考评员 {examiners}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No observation group yet: the chief examiner forms them before observed tasks are scored.</source>
        <translation>尚未编排观察组：现场操作题评分前，由主考评员编组。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>oral</source>
        <translation>现场问答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>observed</source>
        <translation>现场操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to score</source>
        <translation>待评分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state}, performing now</source>
        <translation>{state}，正在作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code} · Q{n} · {mode} · {state}</source>
        <translation>{code} · 第{n}题 · {mode} · {state}</translation>
    </message>
</context>
<context>
    <name>LiveTaskPanel</name>
    <message>
        <location line="-413"/>
        <source>Question card</source>
        <translation>题卡</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Start timer</source>
        <translation>开始计时(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top timer</source>
        <translation>停止计时(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>My timer:</source>
        <translation>我的计时：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scoring points</source>
        <translation>评分要点</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attach a &amp;file…</source>
        <translation>附加文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files the task produced:</source>
        <translation>本题产生的文件：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Su&amp;bmit my scores</source>
        <translation>提交我的评分(&amp;B)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>My notes:</source>
        <translation>我的观察记录：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose a task on the left.</source>
        <translation>请在左侧选择题目。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>oral task (现场问答)</source>
        <translation>现场问答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>observed task</source>
        <translation>现场操作题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>performing now</source>
        <translation>正在作答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>handed in</source>
        <translation>已交卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate {code} · question {n} · {mode} · {state}
{title}</source>
        <translation>考生 {code} · 第 {n} 题 · {mode} · {state}
{title}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (observation group {group})</source>
        <translation>（观察组 {group}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity not hidden: the candidate performs this task in front of you, so you can see who they are{group}. Score only what you observe against the scoring points.</source>
        <translation>身份未隐藏：考生在你面前现场完成本题，你能看到考生本人{group}。请只按评分要点评定你观察到的表现。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The candidate is shown by anonymous code only.</source>
        <translation>考生仅以匿名编号显示。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Card {number} of {pool}: {question}
Expected points:
{expected}</source>
        <translation>题卡 {number}（共 {pool} 张）：{question}
期望要点：
{expected}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The candidate has not drawn a card yet ({pool} in the pool). Refresh once they have.</source>
        <translation>考生尚未抽取题卡（题卡库共 {pool} 张）。考生抽取后请刷新。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your timer was interrupted by a restart of the centre&apos;s computer: it counts up to the last moment recorded before the restart, not the time after. Stop it, or start it again to go on timing.</source>
        <translation>考点计算机重启，您的计时已中断：只计到重启前最后记录的时刻，不计重启之后的时间。请停止计时，或重新开始以继续计时。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Point {n}: {text}</source>
        <translation>要点 {n}：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} · {size} bytes · from {by} · SHA-256 {digest}</source>
        <translation>{name} · {size} 字节 · 来自{by} · SHA-256 {digest}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>seat {seat}: {scores}</source>
        <translation>{seat} 号考评员：{scores}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chief examiner: {scores}</source>
        <translation>主考评员：{scores}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submitted. Other examiners&apos; scores: {scores}</source>
        <translation>已提交。其他考评员的评分：{scores}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The other examiners&apos; scores are shown once you have submitted yours.</source>
        <translation>提交你的评分后，才会显示其他考评员的评分。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the candidate&apos;s station</source>
        <translation>考生考试机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>examiner seat {seat}</source>
        <translation>{seat} 号考评员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chief examiner</source>
        <translation>主考评员</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{n}. {point} (0–{max})</source>
        <translation>{n}. {point}（0–{max}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Observation note on point {n}</source>
        <translation>要点 {n} 的观察记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>My total: {total} of {max}</source>
        <translation>我的合计：{total} / {max}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Attach a file the task produced</source>
        <translation>附加本题产生的文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Submit {total} points for candidate {code}? A score is submitted once; you then see the other examiners&apos; scores.</source>
        <translation>为考生 {code} 提交 {total} 分吗？评分只能提交一次；提交后可看到其他考评员的评分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submit my scores</source>
        <translation>提交我的评分</translation>
    </message>
</context>
<context>
    <name>ObservationGroupDialog</name>
    <message>
        <location line="+14"/>
        <source>Form an observation group</source>
        <translation>编排观察组</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Candidates (anonymous code):</source>
        <translation>考生（匿名编号）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examiners who observe them:</source>
        <translation>观察评分的考评员：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Group &amp;name:</source>
        <translation>组名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The standard&apos;s examiner ratio (1.9.3) holds in each group: at least 3 examiners, an odd number, and enough for the group&apos;s candidates.</source>
        <translation>标准 1.9.3 的考评员配比在每个组内执行：考评员不少于 3 名且为奇数，并足以覆盖本组考生。</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../app/ui/examiner/results.py" line="+60"/>
        <source>Ticket no.</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{part} score</source>
        <translation>{part}成绩</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{part} result</source>
        <translation>{part}结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overall</source>
        <translation>总评</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location line="+40"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{total} candidates: {passed} pass, {failed} fail, {pending} pending</source>
        <translation>考生 {total} 人：合格 {passed} 人，不合格 {failed} 人，待定 {pending} 人</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../app/ui/examiner/review.py" line="+42"/>
        <source>No candidates to show: you are not on the review panel of this session.</source>
        <translation>没有可显示的考生：您不是本场次的评审委员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ca&amp;ndidates</source>
        <translation>考生(&amp;N)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Candidate: {code}</source>
        <translation>考生：{code}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{candidate} — scored {score}</source>
        <translation>{candidate} — 已评 {score} 分</translation>
    </message>
</context>
<context>
    <name>ReviewRecordView</name>
    <message>
        <location filename="../../app/ui/examiner/review_record.py" line="+79"/>
        <source>Application materials</source>
        <translation>申报材料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Representative work</source>
        <translation>主要成果代表作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer&apos;s assessment</source>
        <translation>本单位评价</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+103"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 申报表, 工作业绩材料, 代表作名称</source>
        <translation>如：申报表、工作业绩材料、代表作名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach &amp;file…</source>
        <translation>附加文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <location line="+27"/>
        <source>No file attached</source>
        <translation>未附文件</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve attachment…</source>
        <translation>保存附件(&amp;V)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Title:</source>
        <translation>名称(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pa&amp;ges:</source>
        <translation>页数(&amp;G)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Materials</source>
        <translation>申报材料(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+201"/>
        <source>&amp;Start the defence</source>
        <translation>开始答辩(&amp;S)</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>&amp;End the defence</source>
        <translation>结束答辩(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question asked</source>
        <translation>答辩提问</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+207"/>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>The question asked, or a note for the record</source>
        <translation>答辩中提出的问题，或存档的评议记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+72"/>
        <source>Member</source>
        <translation>委员</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Defence</source>
        <translation>答辩(&amp;D)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>End the defence</source>
        <translation>结束答辩</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End the defence now? It cannot be resumed.</source>
        <translation>现在结束答辩？结束后不能继续。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Comment for the record (optional)</source>
        <translation>评语（选填，将存档）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ubmit my score</source>
        <translation>提交我的评分(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How the panel settled a flagged disagreement</source>
        <translation>评分分歧的处理意见（分差超过阈值时必填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finali&amp;ze the review</source>
        <translation>确定评审成绩(&amp;Z)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>S&amp;coring</source>
        <translation>评分(&amp;C)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>My review score: {score}</source>
        <translation>我的评审成绩：{score} 分</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not submitted: {name}: {problem}</source>
        <translation>未提交：{name}：{problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submit review score {score} for {candidate}? A submitted score cannot be changed.</source>
        <translation>确认为{candidate}提交综合评审成绩 {score} 分？成绩提交后不可更改。</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+7"/>
        <source>Submit review score</source>
        <translation>提交评审成绩</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{name} ({size} bytes)</source>
        <translation>{name}（{size} 字节）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This standard pairs representative works with the employer&apos;s assessment: register it with the works.</source>
        <translation>本标准要求主要成果代表作与本单位评价相结合：请与代表作一并登记本单位评价。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by a restart of the centre&apos;s computer, resume it</source>
        <translation>因考点计算机重启而中止，请继续答辩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The defence: {state}. The standard asks for at least {least} minutes per candidate.</source>
        <translation>答辩：{state}。标准要求每名考生不少于 {least} 分钟。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;sume the defence</source>
        <translation>继续答辩(&amp;S)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Question</source>
        <translation>提问</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+51"/>
        <source>Member {n}</source>
        <translation>委员 {n}</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Chair</source>
        <translation>主任委员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Criteria: {name} (supplied by the exam owner).</source>
        <translation>评审标准：{name}（由考核方提供）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Criteria: {name}, supplied by the exam owner but marked as an example.</source>
        <translation>评审标准：{name}，由考核方提供，但标注为示例。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No criteria were supplied by the exam owner: scoring against the example criteria «{name}», which are not official.</source>
        <translation>考核方尚未提供评审标准：现按示例评审标准《{name}》评分，该标准非官方。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} ({weight}%):</source>
        <translation>{name}（{weight}%）：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> The scores are further apart than {spread} points: the panel disagrees.</source>
        <translation>评分差距超过 {spread} 分：评审委员意见有分歧。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{submitted} of {members} members have scored.</source>
        <translation>{members} 名委员中已有 {submitted} 名评分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{submitted} of {members} members have scored. You see the others&apos; scores once you have submitted yours.</source>
        <translation>{members} 名委员中已有 {submitted} 名评分。提交您的评分后才能看到其他委员的评分。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Review result: {score}.</source>
        <translation>综合评审成绩：{score} 分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before finalizing:</source>
        <translation>确定成绩前尚需：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready to finalize.</source>
        <translation>可以确定成绩。</translation>
    </message>
</context>
<context>
    <name>ScoreForm</name>
    <message>
        <location filename="../../app/ui/examiner/score_form.py" line="+57"/>
        <source>Candidate&apos;s answer:</source>
        <translation>考生作答：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Comment for the record (optional)</source>
        <translation>评语（选填，将存档）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Co&amp;mment:</source>
        <translation>评语(&amp;M)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Submit arbitration score</source>
        <translation>提交仲裁评分(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Submit score</source>
        <translation>提交评分(&amp;S)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose a task from the list</source>
        <translation>请从列表中选择要评分的试题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Question {number}: {title}</source>
        <translation>第 {number} 题：{title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate {code}</source>
        <translation>考生 {code}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no answer)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rubric point {number}</source>
        <translation>评分点 {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/ {maximum}</source>
        <translation>/ {maximum} 分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Examiners: {scores}</source>
        <translation>各考评员：{scores}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Candidate {code} · examiners&apos; totals: {totals}</source>
        <translation>考生 {code} · 各考评员总分：{totals}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} {total}</source>
        <translation>{name} {total}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>You have already scored this task: the scores you submitted are shown.</source>
        <translation>您已评过此题，下面显示的是您提交的分数。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Rubric point {number}: {problem}</source>
        <translation>评分点 {number}：{problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total: {total} of {maximum} points</source>
        <translation>合计：{total} 分（满分 {maximum} 分）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not submitted: rubric point {number}: {problem}</source>
        <translation>未提交：评分点 {number}：{problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Submit {total} of {maximum} points for question {number} of candidate {code}? A submitted score cannot be changed.</source>
        <translation>确认为考生 {code} 第 {number} 题提交 {total} 分（满分 {maximum} 分）？评分提交后不可更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submit score</source>
        <translation>提交评分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not submitted.</source>
        <translation>未提交。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submitted: question {number} of candidate {code}, {total} points.</source>
        <translation>已提交：考生 {code} 第 {number} 题，{total} 分。</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <location filename="../../app/ui/examiner/worklist.py" line="+98"/>
        <source>Show only tasks I have &amp;not scored</source>
        <translation>只显示我未评的试题(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Work list (candidates by anonymous code)</source>
        <translation>评分任务（考生以匿名编号显示）(&amp;W)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Scored {done} of {total}</source>
        <translation>已评 {done} / {total}</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location line="-105"/>
        <source>Code</source>
        <translation>匿名编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Question</source>
        <translation>题号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Task</source>
        <translation>试题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>My score</source>
        <translation>我的评分</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Scored</source>
        <translation>已评</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To score</source>
        <translation>待评</translation>
    </message>
</context>
<context>
    <name>results</name>
    <message>
        <location filename="../../app/ui/examiner/results.py" line="-117"/>
        <source>Theory</source>
        <translation>理论知识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skill</source>
        <translation>技能考核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
</context>
</TS>
