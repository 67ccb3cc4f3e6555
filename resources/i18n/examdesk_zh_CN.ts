<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../app/ui/widgets/errors.py" line="49" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/errors.py" line="52" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/errors.py" line="52" />
        <source>Something went wrong inside ExamDesk: {error}</source>
        <translation>ExamDesk 内部出现错误：{error}</translation>
    </message>
</context>
<context>
    <name>AnswerCard</name>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="87" />
        <source>Question {n}: {state}</source>
        <translation>第 {n} 题：{state}</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="88" />
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="88" />
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
</context>
<context>
    <name>CandidateStation</name>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="57" />
        <source>Enter your ticket number and ID number.</source>
        <translation>请输入准考证号和身份证号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="71" />
        <source>Please call the proctor.</source>
        <translation>请举手示意监考员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="99" />
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="100" />
        <source>The exam starts when the proctor starts it.</source>
        <translation>监考员宣布开始后，考试自动开始。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="102" />
        <source>The exam is paused</source>
        <translation>考试已暂停</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="103" />
        <source>Your time is stopped. Please wait for the proctor.</source>
        <translation>考试计时已停止，请等待监考员通知。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="106" />
        <source>Your paper has been submitted</source>
        <translation>试卷已提交</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="107" />
        <source>All your answers are saved. Please leave quietly.</source>
        <translation>您的全部答案均已保存，请安静离场。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="128" />
        <source>{minutes} minutes left.</source>
        <translation>距考试结束还有 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="132" />
        <source>Submit your paper now? {unanswered} question(s) unanswered, {flagged} flagged. You cannot change answers after submitting.</source>
        <translation>确定现在交卷吗？还有 {unanswered} 题未作答，{flagged} 题已标记。交卷后不能再修改答案。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="135" />
        <source>Submit paper</source>
        <translation>交卷</translation>
    </message>
</context>
<context>
    <name>CandidateWindow</name>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="159" />
        <source>ExamDesk — candidate</source>
        <translation>ExamDesk — 考生端</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="113" />
        <source>&amp;Yes, this is me</source>
        <translation>是本人，确认(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="115" />
        <source>&amp;No, this is not me</source>
        <translation>不是本人(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="123" />
        <source>Please confirm your identity</source>
        <translation>请核对本人信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="136" />
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="138" />
        <source>Name: {name}
Ticket: {ticket}
ID number: {masked}
Session: {session} ({room})
Standard {standard}, level {level}; {minutes} minutes</source>
        <translation>姓名：{name}
准考证号：{ticket}
身份证号：{masked}
考试场次：{session}（{room}）
职业标准 {standard}，等级 {level}；考试时长 {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="246" />
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="247" />
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="248" />
        <source>Smaller text (Ctrl+-)</source>
        <translation>缩小字号（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="249" />
        <source>Larger text (Ctrl++)</source>
        <translation>放大字号（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="252" />
        <source>High &amp;contrast</source>
        <translation>高对比度(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="255" />
        <source>&amp;Submit paper</source>
        <translation>交卷(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="260" />
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="273" />
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="274" />
        <source>&amp;Flag for review</source>
        <translation>标记待查(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="276" />
        <source>&amp;Next ▶</source>
        <translation>下一题(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="292" />
        <source>Green: answered · white: not answered · orange border ⚑: flagged</source>
        <translation>绿色：已作答 · 白色：未作答 · 橙框 ⚑：已标记</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="295" />
        <source>Answer card</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="342" />
        <source>{name} · ticket {ticket}</source>
        <translation>{name} · 准考证号 {ticket}</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="377" />
        <source>All answers saved</source>
        <translation>答案均已保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="380" />
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="383" />
        <source>✗ Not saved: {reason}</source>
        <translation>✗ 未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="399" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="54" />
        <source>Admission ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="56" />
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="61" />
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="67" />
        <source>Ticket number:</source>
        <translation>准考证号：</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="68" />
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="70" />
        <source>Vocational skill assessment — candidate login</source>
        <translation>职业技能等级认定 — 考生登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="71" />
        <source>Station {station}</source>
        <translation>考试机位 {station}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shell.py" line="225" />
        <location filename="../../app/ui/shell.py" line="317" />
        <source>ExamDesk</source>
        <translation>ExamDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="231" />
        <source>◀ &amp;Roles</source>
        <translation>◀ 返回(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="280" />
        <source>Candidate station {station}</source>
        <translation>考生端 · 机位 {station}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="291" />
        <source>Proctor console</source>
        <translation>监考台</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="292" />
        <source>Proctor: choose a session</source>
        <translation>监考：选择考试场次</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="299" />
        <source>Examiner</source>
        <translation>考评端</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="306" />
        <source>Administration</source>
        <translation>考务管理</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="311" />
        <source>Standards and papers</source>
        <translation>职业标准与组卷</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="317" />
        <source>An exam is under way at this station.</source>
        <translation>本机正在进行考试。</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="141" />
        <source>Single choice</source>
        <translation>单项选择题</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="141" />
        <source>Multiple choice</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="142" />
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="142" />
        <source>Fill in the blanks</source>
        <translation>填空题</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="143" />
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="143" />
        <source>Case analysis</source>
        <translation>案例分析题</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="143" />
        <source>Skill task</source>
        <translation>技能考核题</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="146" />
        <source>Question {n} of {total} · {kind} · {points} points</source>
        <translation>第 {n} 题 / 共 {total} 题 · {kind} · {points} 分</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="156" />
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="156" />
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="177" />
        <source>Blank {n}</source>
        <translation>第 {n} 空</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../../app/ui/shell.py" line="183" />
        <source>ExamDesk — vocational skill assessment</source>
        <translation>ExamDesk 职业技能等级认定考试系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="193" />
        <source>&amp;Candidate
log in and sit the exam</source>
        <translation>考生端(&amp;C)
登录并参加考试</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="194" />
        <source>&amp;Proctor
check in, start, watch the room</source>
        <translation>监考端(&amp;P)
签到、开考、巡视考场</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="195" />
        <source>&amp;Examiner
score skill tasks blind</source>
        <translation>考评端(&amp;E)
匿名评分技能考核</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="196" />
        <source>A&amp;dmin
sessions, rosters, users, results</source>
        <translation>管理端(&amp;D)
场次、名单、用户、成绩</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="197" />
        <source>&amp;Standards
weight tables and papers</source>
        <translation>职业标准(&amp;S)
权重表与组卷</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="154" />
        <source>1. Sit at your assigned station and keep your admission ticket and ID card on the desk.
2. Phones, smart watches, notes and other materials are not allowed; put them where the proctor says.
3. Answers are saved automatically; "Saved" appears only when an answer is safely stored.
4. Do not leave the exam window; every time the window loses focus it is recorded and shown to the proctor.
5. If the computer fails, raise your hand: the proctor can move you to another station and you continue with your answers and remaining time.
6. When time is up the paper is submitted automatically.
7. Cheating, impersonation or disturbing others ends your exam and is recorded.</source>
        <translation>一、考生应在指定机位就座，将准考证和身份证放在桌面左上角。
二、不得携带手机、智能手表、纸条及其他资料，须按监考员要求存放。
三、答案自动保存；只有答案已安全存储时才显示“已保存”。
四、不得离开考试窗口；每次窗口失去焦点都会被记录并显示给监考员。
五、如计算机出现故障，请举手示意；监考员可为您更换机位，已作答内容和剩余时间不受影响。
六、考试时间结束时系统自动交卷。
七、作弊、替考或扰乱考场秩序者将被终止考试并记录在案。</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="165" />
        <source>I have read and will follow the exam rules</source>
        <translation>我已阅读并遵守考生须知</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="167" />
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="172" />
        <source>Exam rules</source>
        <translation>考生须知</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="183" />
        <source>Please read for another {seconds} seconds.</source>
        <translation>请继续阅读 {seconds} 秒。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../app/ui/shell.py" line="87" />
        <source>Set up this test centre</source>
        <translation>设置本考点</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="106" />
        <source>Centre &amp;code:</source>
        <translation>考点代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="107" />
        <source>Centre &amp;name:</source>
        <translation>考点名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="108" />
        <source>&amp;Passphrase:</source>
        <translation>考点口令(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="109" />
        <source>Passphrase &amp;again:</source>
        <translation>再次输入口令(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="110" />
        <source>Strength:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="111" />
        <source>First &amp;admin user:</source>
        <translation>首个管理员用户名(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="112" />
        <source>Admin pass&amp;word:</source>
        <translation>管理员密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="119" />
        <source>very weak</source>
        <translation>很弱</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="119" />
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="119" />
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="119" />
        <source>good</source>
        <translation>较强</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="119" />
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="125" />
        <source>Enter the centre's code and name.</source>
        <translation>请输入考点代码和名称。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="127" />
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="129" />
        <source>Choose a longer passphrase (at least 12 characters, mixed).</source>
        <translation>请使用更长的口令（至少 12 个字符，混合字母、数字和符号）。</translation>
    </message>
</context>
<context>
    <name>StaffLogin</name>
    <message>
        <location filename="../../app/ui/shell.py" line="148" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="159" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="160" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="172" />
        <source>This user cannot open this screen.</source>
        <translation>该用户无权打开此界面。</translation>
    </message>
</context>
<context>
    <name>StandardsBrowser</name>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="40" />
        <source>Standards and levels</source>
        <translation>职业标准与等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="55" />
        <source>Area (职业功能)</source>
        <translation>职业功能</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="55" />
        <source>Theory %</source>
        <translation>理论知识（%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="55" />
        <source>Skill %</source>
        <translation>技能要求（%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="62" />
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="64" />
        <source>Build theory paper</source>
        <translation>生成理论试卷</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="71" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="71" />
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="71" />
        <source>Area</source>
        <translation>职业功能</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="71" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="71" />
        <source>Question</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="80" />
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="92" />
        <source>Weight tables</source>
        <translation>权重表</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="93" />
        <source>Paper</source>
        <translation>组卷预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="141" />
        <source>{part}: at least {minutes} min</source>
        <translation>{part}不少于 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="147" />
        <source>This level also requires a comprehensive review.</source>
        <translation>本等级还须参加综合评审。</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="150" />
        <source>This standard has no official weight table; the exam owner supplies one.</source>
        <translation>本标准未发布官方权重表，须由考核评价机构提供。</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="152" />
        <source>Pass mark {mark} for each part.</source>
        <translation>各部分成绩均达 {mark} 分（含）以上为合格。</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="160" />
        <source>Theory exam</source>
        <translation>理论知识考试</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="161" />
        <source>Skill assessment</source>
        <translation>技能考核</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="162" />
        <source>Comprehensive review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="177" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="209" />
        <source>{count} questions, {points} points, mean difficulty {difficulty:.2f}</source>
        <translation>共 {count} 题，{points} 分，平均难度 {difficulty:.2f}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/shell.py" line="53" />
        <source>Unlock ExamDesk</source>
        <translation>解锁 ExamDesk</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="62" />
        <source>The exam data of this centre is encrypted. Enter the centre passphrase.</source>
        <translation>本考点的考试数据已加密存储，请输入考点口令。</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="63" />
        <source>&amp;Passphrase:</source>
        <translation>考点口令(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="71" />
        <source>Wrong passphrase. Nothing was opened or changed.</source>
        <translation>口令错误。未打开或更改任何数据。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/ui/main.py" line="79" />
        <source>Demo centre passphrase: {passphrase}</source>
        <translation>演示考点口令：{passphrase}</translation>
    </message>
</context>
</TS>