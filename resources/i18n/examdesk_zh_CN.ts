<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnswerCard</name>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="+136"/>
        <source>Question {n}: {state}</source>
        <translation>第 {n} 题：{state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
</context>
<context>
    <name>CandidateStation</name>
    <message>
        <location filename="../../app/ui/candidate/station.py" line="+114"/>
        <source>Enter your ticket number and ID number.</source>
        <translation>请输入准考证号和身份证号。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Please call the proctor.</source>
        <translation>请举手示意监考员。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exam starts when the proctor starts it.</source>
        <translation>监考员宣布开始后，考试自动开始。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exam is paused</source>
        <translation>考试已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your time is stopped. Please wait for the proctor.</source>
        <translation>考试计时已停止，请等待监考员通知。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handing in your paper…</source>
        <translation>正在交卷…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please wait a moment.</source>
        <translation>请稍候。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your paper is handed in on this PC</source>
        <translation>你的试卷已在本机交卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It goes to the centre as soon as the connection is back ({count} waiting). Do not switch this PC off; tell the proctor.</source>
        <translation>网络恢复后将立即发送到考点（{count} 条待发送）。请勿关闭本机，并告知监考员。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your paper has been submitted</source>
        <translation>试卷已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All your answers are saved. Please leave quietly.</source>
        <translation>您的全部答案均已保存，请安静离场。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Your paper was not handed in: your answers changed elsewhere meanwhile. Check them and submit again.</source>
        <translation>试卷未交：你的答案在其他地方已有改动。请核对答案后重新交卷。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The centre refused some answers made while it was unreachable: please check your answers.</source>
        <translation>断网期间作答的部分答案被考点拒收，请核对你的答案。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>{minutes} minutes left.</source>
        <translation>距考试结束还有 {minutes} 分钟。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The exam continues on another station</source>
        <translation>考试已转到另一台考试机继续</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The exam continues: your time is running again.</source>
        <translation>考试继续：您的计时已恢复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The proctor has given you {minutes} more minutes. Time left: {left}.</source>
        <translation>监考员为您延长了 {minutes} 分钟考试时间。剩余时间：{left}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Submit your paper now? {unanswered} question(s) unanswered, {flagged} flagged. You cannot change answers after submitting.</source>
        <translation>确定现在交卷吗？还有 {unanswered} 题未作答，{flagged} 题已标记。交卷后不能再修改答案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submit paper</source>
        <translation>交卷</translation>
    </message>
</context>
<context>
    <name>CandidateWindow</name>
    <message>
        <location line="+27"/>
        <source>ExamDesk — candidate</source>
        <translation>ExamDesk — 考生端</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="+134"/>
        <source>&amp;Yes, this is me</source>
        <translation>是本人，确认(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;No, this is not me</source>
        <translation>不是本人(&amp;N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please confirm your identity</source>
        <translation>请核对本人信息</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name: {name}
Ticket: {ticket}
ID number: {masked}
Session: {session} ({room})
Exam: {exam}; {minutes} minutes</source>
        <translation>姓名：{name}
准考证号：{ticket}
身份证号：{masked}
考试场次：{session}（{room}）
考试科目：{exam}；考试时长 {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../app/ui/enrol.py" line="+20"/>
        <source>Enrol this PC with the centre</source>
        <translation>在考点服务器登记本机</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This PC is not yet a station of the centre. The admin&apos;s screen shows a one-time code for this seat: type it here (it is valid for 15 minutes).</source>
        <translation>本机尚未登记为考点的考试机。管理员屏幕上会显示本座位的一次性登记码，请在此输入（15 分钟内有效）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Centre &amp;address:</source>
        <translation>考点地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Station (seat):</source>
        <translation>考试机（座位）(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment &amp;code:</source>
        <translation>登记码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fill in the centre&apos;s address, this seat&apos;s station name and the code.</source>
        <translation>请填写考点地址、本座位的考试机名称和登记码。</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="+224"/>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller text (Ctrl+-)</source>
        <translation>缩小字号（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger text (Ctrl++)</source>
        <translation>放大字号（Ctrl++）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High &amp;contrast</source>
        <translation>高对比度(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Submit paper</source>
        <translation>交卷(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一题(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Flag for review</source>
        <translation>标记待查(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next ▶</source>
        <translation>下一题(&amp;N) ▶</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Keys: PgUp / PgDn previous / next question · Alt+1…8 choose an option · Ctrl+M flag · Ctrl++ / Ctrl+- text size · Tab next control · Alt+S submit</source>
        <translation>快捷键：PgUp / PgDn 上一题 / 下一题 · Alt+1…8 选择选项 · Ctrl+M 标记 · Ctrl++ / Ctrl+- 字号 · Tab 下一个控件 · Alt+S 交卷</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answer card</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{name} · ticket {ticket}</source>
        <translation>{name} · 准考证号 {ticket}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Only on this PC ({count} waiting)</source>
        <translation>仅保存在本机（{count} 条待发送）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Saved at the centre</source>
        <translation>✓ 已保存到考点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All answers saved</source>
        <translation>答案均已保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✗ Not saved: {reason}</source>
        <translation>✗ 未保存：{reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>White: answered
Black: not answered
Orange border ⚑: flagged
Cyan border: this question</source>
        <translation>白色：已作答
黑色：未作答
橙色边框 ⚑：已标记
青色边框：当前题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Green: answered
White: not answered
Orange border ⚑: flagged
Blue border: this question</source>
        <translation>绿色：已作答
白色：未作答
橙色边框 ⚑：已标记
蓝色边框：当前题</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+64"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attached {name}: the examiners can open it.</source>
        <translation>已附加 {name}，考评员可以打开查看。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/widgets/labels.py" line="+21"/>
        <source>Theory exam</source>
        <translation>理论知识考试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skill assessment</source>
        <translation>技能考核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comprehensive review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scheduled</source>
        <translation>待开考</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not arrived</source>
        <translation>未到场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answering</source>
        <translation>作答中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Submitted</source>
        <translation>已交卷</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Terminated</source>
        <translation>违纪终止</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Did not start</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not submitted</source>
        <translation>未交卷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reviewed</source>
        <translation>已评审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting review</source>
        <translation>待评审</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} ({detail})</source>
        <translation>{name}（{detail}）</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="-106"/>
        <source>Admission ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>6 digits, from the proctor</source>
        <translation>6 位数字，由监考员提供</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Move code:</source>
        <translation>换机码(&amp;M)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ticket number:</source>
        <translation>准考证号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vocational skill assessment — candidate login</source>
        <translation>职业技能等级认定 — 考生登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station {station}</source>
        <translation>考试机位 {station}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shell.py" line="+54"/>
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <location line="+144"/>
        <location line="+27"/>
        <location line="+146"/>
        <source>ExamDesk</source>
        <translation>ExamDesk</translation>
    </message>
    <message>
        <location line="-172"/>
        <location line="+70"/>
        <source>◀ &amp;Roles</source>
        <translation>◀ 返回(&amp;R)</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>The {language} translation could not be loaded.</source>
        <translation>无法加载 {language} 界面翻译。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language could not be saved for the next start: {error}</source>
        <translation>界面语言已切换，但未能保存，下次启动时不会沿用：{error}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>◀ &amp;Back</source>
        <translation>◀ 返回(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Sign &amp;out</source>
        <translation>◀ 退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A proctor signs in to leave this candidate&apos;s exam</source>
        <translation>请监考员登录后再离开本考生的考试界面</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Candidate station {station}</source>
        <translation>考生端 · 机位 {station}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proctor sign-in</source>
        <translation>监考员登录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proctor console</source>
        <translation>监考台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proctor: choose a session</source>
        <translation>监考：选择考试场次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Examiner sign-in</source>
        <translation>考评员登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Examiner</source>
        <translation>考评端</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Administrator sign-in</source>
        <translation>管理员登录</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Administration</source>
        <translation>考务管理</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Standards and papers</source>
        <translation>职业标准与组卷</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An exam is under way at this station.</source>
        <translation>本机正在进行考试。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/ui/widgets/qt_dialog_text.py" line="+11"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look in:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidebar</source>
        <translation>侧边栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List of places and bookmarks</source>
        <translation>位置和书签列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <location filename="../../app/ui/candidate/exam_page.py" line="-425"/>
        <source>Single choice</source>
        <translation>单项选择题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Multiple choice</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fill in the blanks</source>
        <translation>填空题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case analysis</source>
        <translation>案例分析题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skill task</source>
        <translation>技能考核题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question {n} of {total} · {kind} · {points} points</source>
        <translation>第 {n} 题 / 共 {total} 题 · {kind} · {points} 分</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Blank {n}</source>
        <translation>第 {n} 空</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Question card {number} of {pool}</source>
        <translation>题卡 {number}（共 {pool} 张）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answer the examiners aloud. Nothing is typed for this task.</source>
        <translation>请向考评员口头作答。本题无需在答题区输入文字。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This task is an oral question. Draw your question card when the examiners are ready; the card is chosen for your paper and cannot be drawn again.</source>
        <translation>本题为现场问答。请在考评员准备好后抽取题卡；题卡按你的试卷确定，不能重新抽取。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Draw question card</source>
        <translation>抽取题卡(&amp;D)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>observed task</source>
        <translation>现场操作题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{form}: perform this task in front of the examiners; they score it as you work. Nothing is typed here. The examiners can see you.</source>
        <translation>{form}：请在考评员面前完成本题，考评员边看边评分。本题无需在此输入文字。考评员能看到你本人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Attach a file this task produced…</source>
        <translation>附加本题产生的文件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} characters left</source>
        <translation>还可输入 {count} 字</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <location filename="../../app/ui/widgets/readiness.py" line="+19"/>
        <source>READY</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT READY</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reported</source>
        <translation>未上报</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centre</source>
        <translation>考点服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese fonts</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual machine</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote session</source>
        <translation>远程会话</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{check}: {reason}</source>
        <translation>{check}：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[{status}] {check}: {reason}</source>
        <translation>【{status}】{check}：{reason}</translation>
    </message>
</context>
<context>
    <name>ReadinessBar</name>
    <message>
        <location filename="../../app/ui/candidate/readiness_bar.py" line="+49"/>
        <source>Check this PC</source>
        <translation>检测本机</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Checking this PC…</source>
        <translation>正在检测本机…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This PC could not be checked: {error}</source>
        <translation>本机检测未能完成：{error}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This PC: {status}</source>
        <translation>本机：{status}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{verdict} ({reasons})</source>
        <translation>{verdict}（{reasons}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not reported to the centre: {error}</source>
        <translation>未能上报考点服务：{error}</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../../app/ui/shell.py" line="-264"/>
        <source>ExamDesk — vocational skill assessment</source>
        <translation>ExamDesk 职业技能等级认定考试系统</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Candidate
log in and sit the exam</source>
        <translation>考生端(&amp;C)
登录并参加考试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Proctor
check in, start, watch the room</source>
        <translation>监考端(&amp;P)
签到、开考、巡视考场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Examiner
score skill tasks blind</source>
        <translation>考评端(&amp;E)
匿名评分技能考核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;dmin
sessions, rosters, users, results</source>
        <translation>管理端(&amp;D)
场次、名单、用户、成绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Standards
weight tables and papers</source>
        <translation>职业标准(&amp;S)
权重表与组卷</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../app/ui/candidate/pages.py" line="+96"/>
        <source>1. Sit at your assigned station and keep your admission ticket and ID card on the desk.
2. Phones, smart watches, notes and other materials are not allowed; put them where the proctor says.
3. Answers are saved automatically; &quot;Saved&quot; appears only when an answer is safely stored.
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
        <location line="+11"/>
        <source>I have read and will follow the exam rules</source>
        <translation>我已阅读并遵守考生须知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exam rules</source>
        <translation>考生须知</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Please read for another {seconds} seconds.</source>
        <translation>请继续阅读 {seconds} 秒。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../app/ui/entry.py" line="+116"/>
        <source>Set up this test centre</source>
        <translation>设置本考点</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Centre &amp;code:</source>
        <translation>考点代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre &amp;name:</source>
        <translation>考点名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Passphrase:</source>
        <translation>考点口令(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase &amp;again:</source>
        <translation>再次输入口令(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strength:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First admin &amp;user name:</source>
        <translation>首个管理员用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin pass&amp;word:</source>
        <translation>管理员密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>very weak</source>
        <translation>很弱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>good</source>
        <translation>较强</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the centre&apos;s code and name.</source>
        <translation>请输入考点代码和名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a longer passphrase (at least 12 characters, mixed).</source>
        <translation>请使用更长的口令（至少 12 个字符，混合字母、数字和符号）。</translation>
    </message>
</context>
<context>
    <name>StaffLogin</name>
    <message>
        <location filename="../../app/ui/shell.py" line="-57"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This user cannot open this screen.</source>
        <translation>该用户无权打开此界面。</translation>
    </message>
</context>
<context>
    <name>StandardsBrowser</name>
    <message>
        <location filename="../../app/ui/standards_browser.py" line="+48"/>
        <source>Standards and levels</source>
        <translation>职业标准与等级</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Theory %</source>
        <translation>理论知识（%）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skill %</source>
        <translation>技能要求（%）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build theory paper</source>
        <translation>生成理论试卷</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+15"/>
        <source>Area</source>
        <translation>职业功能</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Question</source>
        <translation>试题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Weight tables</source>
        <translation>权重表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>组卷预览</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{code} {name} ({edition}) — {level}</source>
        <translation>{code} {name}（{edition}）— {level}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{part}: at least {minutes} min</source>
        <translation>{part}不少于 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{list}.</source>
        <comment>sentence</comment>
        <translation>{list}。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <comment>list separator</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This level also requires a comprehensive review.</source>
        <translation>本等级还须参加综合评审。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This standard has no official weight table; the exam owner supplies one.</source>
        <translation>本标准未发布官方权重表，须由考核评价机构提供。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass mark {mark} for each part.</source>
        <translation>各部分成绩均达 {mark} 分（含）以上为合格。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the pass mark</source>
        <translation>合格分数线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the minimum durations</source>
        <translation>最短考核时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the staffing ratios</source>
        <translation>监考及考评人员配比</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{code} does not set {rules} itself: they are borrowed from {source}.</source>
        <translation>{code} 未规定{rules}，现借用 {source} 的规定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set by the exam owner ({source}): {rules}.</source>
        <translation>由考试方（{source}）设定：{rules}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theory exam</source>
        <translation>理论知识考试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skill assessment</source>
        <translation>技能考核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comprehensive review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Single choice</source>
        <translation>单项选择题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Multiple choice</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fill in the blanks</source>
        <translation>填空题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case analysis</source>
        <translation>案例分析题</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{standard} {name} has no official theory weight table for {level}, so no paper can be built here; the exam owner supplies one (examdesk command line, --weights FILE).</source>
        <translation>{standard} {name} 未发布{level}的官方理论知识权重表，无法在此组卷；须由考核评价机构提供权重表（examdesk 命令行，--weights FILE）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{count} questions, {points} points, mean difficulty {difficulty:.2f}</source>
        <translation>共 {count} 题，{points} 分，平均难度 {difficulty:.2f}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../app/ui/entry.py" line="-83"/>
        <source>Unlock ExamDesk</source>
        <translation>解锁 ExamDesk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The exam data of this centre is encrypted. Enter the centre passphrase.</source>
        <translation>本考点的考试数据已加密存储，请输入考点口令。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Passphrase:</source>
        <translation>考点口令(&amp;P)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrong passphrase. Nothing was opened or changed.</source>
        <translation>口令错误。未打开或更改任何数据。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/ui/widgets/errors.py" line="+60"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong inside ExamDesk: {error}</source>
        <translation>ExamDesk 内部出现错误：{error}</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/ui/main.py" line="+207"/>
        <source>Demo centre passphrase: {passphrase}</source>
        <translation>演示考点口令：{passphrase}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../app/ui/widgets/messages.py" line="+64"/>
        <source>session {session} already has a sealed package from another exam owner</source>
        <translation>场次 {session} 已有另一命题单位的密封试卷包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {session} already has version {held} of its package: version {version} is not newer and is refused</source>
        <translation>场次 {session} 已有第 {held} 版试卷包：第 {version} 版不是更新的版本，拒收</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>session {session}&apos;s papers were already drawn from version {held} of its package: it cannot be replaced now</source>
        <translation>场次 {session} 的试卷已按第 {held} 版试卷包生成：现在不能再替换</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the session&apos;s packages changed meanwhile: import it again</source>
        <translation>该场次的试卷包刚刚有变动：请重新导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} (session {session}, version {version}) was replaced by a newer version of the package: the older one is refused</source>
        <translation>{file}（场次 {session}，第 {version} 版）已被更新版本的试卷包替换：旧版本拒收</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file} was revoked by its exam owner on {when} (UTC): {reason}</source>
        <translation>{file} 已被命题单位于 {when}（UTC）撤销：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} names package {package}, but not the package of that id this centre holds (another digest or owner): it is not applied</source>
        <translation>{file} 指向试卷包 {package}，但与本考点所持该编号的试卷包不符（摘要或命题单位不同）：不予执行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>package {package} is already revoked</source>
        <translation>试卷包 {package} 已被撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an ExamDesk package revocation</source>
        <translation>不是 ExamDesk 试卷包撤销文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a revocation of the format this ExamDesk reads (examdesk-revocation/1)</source>
        <translation>不是本版 ExamDesk 可读取格式的撤销文件（examdesk-revocation/1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code}&apos;s sealed package holds no fixed paper for {standard} level {level} {part}</source>
        <translation>场次 {code} 的密封试卷包中没有 {standard} {level} 级 {part} 的固定试卷</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not an item of the banks sealed with the paper</source>
        <translation>不是与试卷一同密封的题库中的试题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a skill task of the banks sealed with the paper</source>
        <translation>不是与试卷一同密封的题库中的技能考核任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is in the paper twice</source>
        <translation>在试卷中出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not JSON: {reason}</source>
        <translation>不是 JSON：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list of papers</source>
        <translation>须为试卷列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a paper (an object with standard, level, part, items)</source>
        <translation>须为一套试卷（含 standard、level、part、items 的对象）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a paper lacks {fields}</source>
        <translation>试卷缺少 {fields}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not theory or skill</source>
        <translation>{value} 既不是理论知识（theory）也不是技能考核（skill）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a review has no paper</source>
        <translation>综合评审没有试卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list of items</source>
        <translation>须为试题列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must have id, type, area and points</source>
        <translation>须有 id、type、area 和 points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list of option labels</source>
        <translation>须为选项标号列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a way to score multiple choice (all_or_nothing or proportional)</source>
        <translation>{value} 不是多项选择题的计分方式（all_or_nothing 或 proportional）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a positive number</source>
        <translation>{value} 不是正数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is written for level {levels}, not level {level}</source>
        <translation>适用于 {levels} 级，不适用于 {level} 级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>area {area} has {got} points; the weight table gives it {want}</source>
        <translation>{area} 部分共 {got} 分；鉴定比重表规定为 {want} 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is {given}, the item&apos;s type is {type}</source>
        <translation>为 {given}，而该试题的题型是 {type}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is {given}, the bank gives it area {area}</source>
        <translation>为 {given}，而题库中其所属内容是 {area}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must order the item&apos;s options {labels}</source>
        <translation>须为该试题选项 {labels} 的一种排列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the package holds no paper</source>
        <translation>试卷包中没有试卷</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{source}: the examiners who observe a group are at least {least}, an odd number, and 1 per {per} candidates: group {group} has {candidates} candidates and needs {needed} examiners, it has {actual}</source>
        <translation>{source}：观察一组考生的考评员不少于 {least} 名且为奇数，每 {per} 名考生至少 1 名：{group} 组有 {candidates} 名考生，需要 {needed} 名考评员，现有 {actual} 名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source}: the examiners who observe a group are an odd number, group {group} has {actual}</source>
        <translation>{source}：观察一组考生的考评员须为奇数，{group} 组现有 {actual} 名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this task is performed in front of the examiners: nothing is typed for it</source>
        <translation>本题在考评员面前现场完成，无需输入作答内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the candidate draws a question card</source>
        <translation>只有考生本人可以抽取题卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the candidate&apos;s station attaches files here</source>
        <translation>只有考生的考试机可以在此附加文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question {n} is not an oral task</source>
        <translation>第 {n} 题不是现场问答题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>files are attached to observed tasks only</source>
        <translation>只有现场操作类题目可以附加文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question {n} is not scored live (it is a written task)</source>
        <translation>第 {n} 题不是现场评分题（为笔答题）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>candidate {code} is in no observation group: the chief examiner forms the groups before observed tasks are scored</source>
        <translation>考生 {code} 未编入观察组：现场操作题评分前，须由主考评员先编组</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>candidate {code} is observed by group {group}, and you are not one of its examiners</source>
        <translation>考生 {code} 由 {group} 组观察评分，你不是该组的考评员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>candidate {codes} is already in group {group}</source>
        <translation>考生 {codes} 已在 {group} 组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no candidate {codes} in this session</source>
        <translation>本场次没有考生 {codes}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user {users} is not an examiner of this session</source>
        <translation>用户 {users} 不是本场次的考评员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>observation groups are for skill sessions</source>
        <translation>观察组只用于技能考核场次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an observation group needs a name</source>
        <translation>观察组需要名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a group&apos;s name is at most {most} characters</source>
        <translation>组名最多 {most} 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your timer for this task is already running</source>
        <translation>你的本题计时已在进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your timer for this task is not running</source>
        <translation>你的本题计时尚未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a note needs text</source>
        <translation>记录内容不能为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a note is at most {most} characters</source>
        <translation>一条记录最多 {most} 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a file needs a name</source>
        <translation>文件需要名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file {name} is empty</source>
        <translation>文件 {name} 是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file {name} is larger than {most} MB</source>
        <translation>文件 {name} 超过 {most} MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no file {file}</source>
        <translation>没有文件 {file}</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>admin password: {problem}</source>
        <translation>管理员密码：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role must be one of {roles}</source>
        <translation>角色必须是以下之一：{roles}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password: {problem}</source>
        <translation>密码：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mix letters with digits or symbols</source>
        <translation>须混合字母与数字或符号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only an admin lists users</source>
        <translation>只有管理员可以查看用户列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre is already set up</source>
        <translation>本考点已完成设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user {user} already exists</source>
        <translation>用户 {user} 已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account {user} is locked for {minutes} more minute(s)</source>
        <translation>账户 {user} 已锁定，请 {minutes} 分钟后再试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no user {user}</source>
        <translation>没有用户 {user}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role} may not do this (needs {roles})</source>
        <translation>{role} 无权执行此操作（需要 {roles}）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{source}: the review panel has no chair: assign one chief examiner as its chair</source>
        <translation>{source}：评审组没有组长：请指派一名主考评员担任组长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: a review panel has one chair, this session has {actual}</source>
        <translation>{source}：每个评审组设一名组长，本场次有 {actual} 名</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>candidate {ticket}: ID number {problem}</source>
        <translation>考生 {ticket}：身份证号有误（{problem}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check digit is {given}, expected {expected}</source>
        <translation>校验码为 {given}，应为 {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be 17 digits followed by a digit or X</source>
        <translation>应为 17 位数字加 1 位数字或 X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the birth date {date} is not a real date</source>
        <translation>出生日期 {date} 不是有效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the birth date {date} is too early</source>
        <translation>出生日期 {date} 过早</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket {ticket} has no paper yet: ask the proctor</source>
        <translation>准考证号 {ticket} 尚未生成试卷，请联系监考员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to move a candidate</source>
        <translation>更换机位须填写原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is not your attempt</source>
        <translation>这不是您的试卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this station&apos;s login is no longer valid: log in again</source>
        <translation>本机登录已失效，请重新登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra time must be positive</source>
        <translation>延长时间必须大于零</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to {what} time</source>
        <translation>调整考试时间（{what}）须填写原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attempt has been submitted</source>
        <translation>试卷已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the candidate answers</source>
        <translation>只有考生本人可以作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attempt is at step {step}, this save expected {expected}</source>
        <translation>试卷已保存到第 {step} 步，本次保存基于第 {expected} 步，请重新加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attempt is at step {step}, this submission expected {expected}</source>
        <translation>作答记录已到第 {step} 步，本次交卷基于第 {expected} 步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a step id is 32 lowercase hexadecimal digits, not {step_id}</source>
        <translation>步骤编号应为 32 位小写十六进制数字，而不是 {step_id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step {step_id} was already used for another step</source>
        <translation>步骤编号 {step_id} 已用于另一步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the candidate&apos;s station sends heartbeats</source>
        <translation>只有考生的考试机发送心跳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role} may not import a station journal</source>
        <translation>{role}不能导入考试机日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attempt was submitted: the {count} steps this file still holds cannot be added</source>
        <translation>该考生已交卷：此文件中尚余的 {count} 个步骤无法补录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is not a station journal export</source>
        <translation>{file} 不是考试机日志导出文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} was altered, or was not sealed by station {station} of this centre</source>
        <translation>{file} 已被改动，或并非本考点考试机 {station} 封存的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} holds the answers of ticket {ticket}, who is not a candidate of this session</source>
        <translation>{file} 中是准考证号 {ticket} 的答案，该考生不属于本场次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} mixes the records of several candidates</source>
        <translation>{file} 混有多名考生的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} comes from station {station}, where ticket {ticket} never logged in</source>
        <translation>{file} 来自考试机 {station}，准考证号 {ticket} 从未在该机登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the exam is {state}: answers cannot be saved now</source>
        <translation>考试当前状态为 {state}，暂时无法保存答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time is up</source>
        <translation>考试时间已到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no question {n} on this paper</source>
        <translation>本试卷没有第 {n} 题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role} may not read answer keys</source>
        <translation>{role} 无权查看标准答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to terminate an attempt</source>
        <translation>终止考试须填写原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>records are kept at least {years} years</source>
        <translation>记录至少须保存 {years} 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a station is required for check-in</source>
        <translation>签到须填写机位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the candidate accepts the exam rules</source>
        <translation>只有考生本人可以确认考生须知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown incident category {category}</source>
        <translation>未知的事件类别 {category}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} already exists</source>
        <translation>场次 {code} 已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no session {session}</source>
        <translation>没有场次 {session}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket {ticket} is already in this session</source>
        <translation>准考证号 {ticket} 已在本场次中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: nothing imported; {clashes}</source>
        <translation>{file}：未导入任何考生；{clashes}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>and {count} more</source>
        <translation>另有 {count} 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user {user} has no duty {duty} in this session</source>
        <translation>用户 {user} 在本场次中没有“{duty}”职责</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user {user} has already scored in this session: the duty stays</source>
        <translation>用户 {user} 已在本场次中评分，职责不能取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown state of a review material {state}</source>
        <translation>未知的评审材料状态 {state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no review material {material}</source>
        <translation>没有评审材料 {material}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the material {title} is still expected: mark it received or missing</source>
        <translation>材料“{title}”仍为待收：请标记为已收到或缺交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user {user} has already scored in this session: the tasks stay</source>
        <translation>用户 {user} 已在本场次评分：其任务不能再更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skill task {task} is not among the tasks assigned to you</source>
        <translation>技能任务 {task} 不在分配给您的任务之中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is not a skill assessment: its examiners have no tasks to divide</source>
        <translation>场次 {code} 不是技能考核：没有可分配给考评员的任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user {user} is not an examiner of session {code}</source>
        <translation>用户 {user} 不是场次 {code} 的考评员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no skill task {task} for session {code}</source>
        <translation>场次 {code} 没有技能任务 {task}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: skill task {task} is scored by {actual} examiner(s); each task needs at least {least}, an odd number</source>
        <translation>{source}：技能任务 {task} 由 {actual} 名考评员评分；每项任务至少需要 {least} 名，且为奇数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source}: skill task {task} is scored by {actual} examiner(s); each task needs at least {least}</source>
        <translation>{source}：技能任务 {task} 由 {actual} 名考评员评分；每项任务至少需要 {least} 名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>row {row}: ticket {ticket} is already in this session</source>
        <translation>第 {row} 行：准考证号 {ticket} 已在本场次中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no candidate {candidate}</source>
        <translation>没有考生 {candidate}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket number and ID number do not match</source>
        <translation>准考证号与身份证号不匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket {ticket} has no session open now</source>
        <translation>准考证号 {ticket} 当前没有正在进行的场次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket {ticket} is in more than one session now: ask the proctor</source>
        <translation>准考证号 {ticket} 同时在多个场次中，请联系监考员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket {ticket} is logged in on station {station}; a proctor must allow the move first</source>
        <translation>准考证号 {ticket} 已在机位 {station} 登录；须经监考员允许才能换机</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ticket {ticket} is not checked in: ask the proctor</source>
        <translation>准考证号 {ticket} 尚未签到：请联系监考员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this seat is not yours: ask the proctor</source>
        <translation>这不是您的座位：请联系监考员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the move code is wrong or has expired: ask the proctor</source>
        <translation>换机码错误或已过期：请联系监考员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too many failed logins: try again in {seconds} s</source>
        <translation>登录失败次数过多：请 {seconds} 秒后再试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>station {station} is already the seat of ticket {ticket}</source>
        <translation>考试机 {station} 已是准考证号 {ticket} 的座位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket {ticket} has logged in at station {station}: move the candidate instead</source>
        <translation>准考证号 {ticket} 已在考试机 {station} 登录：请改用换机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you have been moved to station {station}: continue there</source>
        <translation>您已换到考试机 {station}：请在该机继续作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a proctor is moving you to another station: continue there</source>
        <translation>监考员正在为您换机：请到新考试机继续作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket {ticket} and station {station} are not in session {session}</source>
        <translation>准考证号 {ticket} 和考试机 {station} 都不属于场次 {session}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the candidate keeps their screen settings</source>
        <translation>只有考生本人可以保存其屏幕设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>these screen settings are out of range</source>
        <translation>屏幕设置超出允许范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no attempt {attempt}</source>
        <translation>没有试卷 {attempt}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session {code} is {state}: it can no longer change</source>
        <translation>场次 {code} 的状态为 {state}，不能再修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is {state}: only a session not yet started can be cancelled</source>
        <translation>场次 {code} 的状态为 {state}：只有尚未开考的场次可以取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is cancelled: its records can no longer change</source>
        <translation>场次 {code} 已取消，其记录不能再修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is cancelled: it has no results to export</source>
        <translation>场次 {code} 已取消，没有可导出的成绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} has started: only its room can change; time is changed by the proctors&apos; pauses and extensions</source>
        <translation>场次 {code} 已开考：只能修改考场；考试时间由监考员暂停或延时调整</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>session {code} has papers: each fixed its candidate&apos;s time, so the duration no longer changes</source>
        <translation>场次 {code} 已生成试卷，每份试卷已确定考生的考试时长，时长不能再修改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>session {code} changed while papers were built: prepare again</source>
        <translation>生成试卷期间场次 {code} 已被修改，请重新生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to change a session</source>
        <translation>修改场次须填写理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to cancel a session</source>
        <translation>取消场次须填写理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the room cannot be empty</source>
        <translation>考场不能为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to change: the values are the session&apos;s own</source>
        <translation>没有需要修改的内容：所填值与场次现有值相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account {user} is already active</source>
        <translation>账号 {user} 已是启用状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account {user} is already deactivated</source>
        <translation>账号 {user} 已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you cannot deactivate your own account: another admin can</source>
        <translation>不能停用自己的账号，请由其他管理员操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account {user} is the last active admin: it stays active</source>
        <translation>账号 {user} 是最后一个启用的管理员账号，不能停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account {user} is deactivated: reactivate it before giving it a duty</source>
        <translation>账号 {user} 已停用，须先启用才能分配职责</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session {code} is cancelled: it has no sign-in sheet</source>
        <translation>场次 {code} 已取消，没有签到表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is {state}: its room record is printed once it is closed</source>
        <translation>场次 {code} 的状态为 {state}：结束场次后才能打印考场记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} changed while its room record was being read: print it again</source>
        <translation>读取考场记录期间场次 {code} 有变动，请重新打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is {state}</source>
        <translation>场次 {code} 的状态为 {state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {session} is not open: its clock cannot change</source>
        <translation>场次 {session} 未在进行中，不能调整计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another save for this attempt landed first</source>
        <translation>该试卷已有另一次保存先完成，请重新加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is {state}, not open</source>
        <translation>场次 {code} 的状态为 {state}，不是进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} attempt(s) are still open: submit or terminate them first</source>
        <translation>还有 {count} 份试卷未结束：请先交卷或终止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only a closed session can be archived; {code} is {state}</source>
        <translation>只有已关闭的场次可以归档；{code} 的状态为 {state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is archived: its records can no longer change</source>
        <translation>场次 {code} 已归档：其记录不能再更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to reschedule a session</source>
        <translation>调整场次时间须填写理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an export with names and ID numbers in full needs a reason</source>
        <translation>导出完整姓名和身份证号须填写理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>question {number}: {problem}</source>
        <translation>第 {number} 题：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the paper has an item of unknown type {type}</source>
        <translation>试卷中有未知题型 {type}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a single-choice answer is one of the options {labels}</source>
        <translation>单项选择题的答案须是选项 {labels} 之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a multiple-choice answer is a list of the options {labels}</source>
        <translation>多项选择题的答案须是选项 {labels} 中的若干项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a multiple-choice answer names each option once</source>
        <translation>多项选择题的答案中每个选项只能出现一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a true-or-false answer is true or false</source>
        <translation>判断题的答案须是“对”或“错”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a fill-in answer is the text of each blank</source>
        <translation>填空题的答案须是每个空的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this question has {blanks} blank(s), the answer has {given}</source>
        <translation>本题有 {blanks} 个空，答案有 {given} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the answer is longer than {limit} KiB of text</source>
        <translation>答案超过 {limit} KiB 文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a written answer is text</source>
        <translation>书面作答须是文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is {state}: only a session not yet started moves</source>
        <translation>场次 {code} 的状态为 {state}：只有尚未开始的场次可以调整时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role} may not see candidate identities</source>
        <translation>{role} 无权查看考生身份信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to force-submit</source>
        <translation>强制交卷须填写原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role} may not submit an attempt</source>
        <translation>{role} 无权提交试卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role} may not read attempts</source>
        <translation>{role} 无权查看试卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no signing key {key}</source>
        <translation>没有签名密钥 {key}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this centre has no signing key yet</source>
        <translation>本考点尚无签名密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown duty {duty}</source>
        <translation>未知的职责 {duty}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {part} result is already recorded</source>
        <translation>{part} 成绩已记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>review scores are out of 100, got {score}</source>
        <translation>综合评审成绩为百分制，收到 {score}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such session or user</source>
        <translation>没有该场次或用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user {user} already has the duty {duty} in this session</source>
        <translation>用户 {user} 在本场次已担任 {duty}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attempt is still open</source>
        <translation>该试卷尚未交卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the result is already recorded</source>
        <translation>成绩已记录</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>item analysis is for theory sessions; {code} is a {paper_part} session</source>
        <translation>试卷分析只适用于理论知识考试场次；{code} 是{paper_part}场次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>item analysis waits until the session is closed; {code} is {state}</source>
        <translation>场次结束后才能进行试卷分析；{code} 的状态为 {state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question {n} has no rubric</source>
        <translation>第 {n} 题没有评分细则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you have already scored this task</source>
        <translation>您已评过这道题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not ready: {waiting}</source>
        <translation>尚不能合成成绩：{waiting}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question {n}: {scored} of {needed} examiners have scored</source>
        <translation>第 {n} 题：{needed} 名考评员中已有 {scored} 名评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question {n}: scores {scores} differ by {spread}: the chief examiner must arbitrate</source>
        <translation>第 {n} 题：评分 {scores} 相差 {spread}，须由主考评员仲裁</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you have already scored this candidate</source>
        <translation>您已为该考生评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this paper has examiner-scored items; score them before grading</source>
        <translation>本试卷含需考评员评分的题目，请先完成评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rubric point {n} ({point}) has no score</source>
        <translation>评分要点 {n}（{point}）尚未评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no rubric point {n}</source>
        <translation>没有第 {n} 个评分要点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rubric point {n} ({point}) allows 0..{maximum}, got {value}</source>
        <translation>评分要点 {n}（{point}）的分值范围为 0～{maximum}，收到 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the attempt is already graded</source>
        <translation>该试卷已评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>please keep reading the rules for {seconds} more seconds</source>
        <translation>请继续阅读考生须知 {seconds} 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a review panel needs {rule} members, got {count}</source>
        <translation>综合评审委员须为{rule}，当前为 {count} 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the comprehensive review has no paper: a panel scores it</source>
        <translation>综合评审没有试卷，由评审委员会评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the session&apos;s candidates changed while papers were built: prepare again</source>
        <translation>生成试卷期间本场次的考生有变动，请重新生成试卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} kept changing while it was being closed: close it again</source>
        <translation>场次 {code} 在结束过程中不断有变动，请重新结束场次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} kept changing while it was being finalized: finalize again</source>
        <translation>场次 {code} 在确定成绩过程中不断有变动，请重新确定成绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} changed while its bundle was being written ({action} on {target}): export again</source>
        <translation>生成成绩包期间场次 {code} 有变动（{target} 上的 {action}），请重新导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>session {code}: another session recorded a result of the same registration while its bundle was being written: export again</source>
        <translation>场次 {code}：生成成绩包期间，另一场次记录了同一认定项目的成绩，请重新导出</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not UTF-8 or GB18030 text</source>
        <translation>不是 UTF-8 或 GB18030 编码的文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the roster is empty</source>
        <translation>名单为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing column(s) {columns}; found: {found}</source>
        <translation>缺少列 {columns}；文件中的列：{found}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{column} is empty</source>
        <translation>{column}为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号 {number}: {problem}</source>
        <translation>身份证号 {number} 有误（{problem}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号 already on row {row}</source>
        <translation>身份证号与第 {row} 行重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>准考证号 {ticket} already on row {row}</source>
        <translation>准考证号 {ticket} 与第 {row} 行重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照片 {file}: file not found</source>
        <translation>照片 {file}：文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照片 {file}: larger than 2 MB</source>
        <translation>照片 {file}：超过 2 MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照片 {file}: not a JPEG or PNG image</source>
        <translation>照片 {file}：不是 JPEG 或 PNG 图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照片 {file}: the name is longer than {most} characters</source>
        <translation>照片 {file}：文件名超过 {most} 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照片 {file}: cannot read: {reason}</source>
        <translation>照片 {file}：无法读取：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{column} holds the control character {code}</source>
        <translation>{column} 含有控制字符 {code}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a workbook Excel can read ({reason})</source>
        <translation>不是 Excel 可读取的工作簿（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a CSV table Excel can read ({reason})</source>
        <translation>不是 Excel 可读取的 CSV 表格（{reason}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a readable zip file ({reason})</source>
        <translation>不是可读取的 zip 文件（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member} is encrypted; ExamDesk reads no encrypted zip members</source>
        <translation>{member} 已加密；ExamDesk 不读取加密的 zip 成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member} uses compression method {method}; ExamDesk reads stored or deflated members</source>
        <translation>{member} 使用压缩方法 {method}；ExamDesk 只读取未压缩（stored）或 deflate 压缩的成员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{member} needs zip version {version} to extract; ExamDesk reads up to {most}</source>
        <translation>{member} 需要 zip 版本 {version} 才能解压；ExamDesk 最高支持 {most}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member} inflates to more than {limit}, the most ExamDesk reads</source>
        <translation>{member} 解压后超过 {limit}（ExamDesk 读取的上限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member} is corrupt ({reason})</source>
        <translation>{member} 已损坏（{reason}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate member: {name}</source>
        <translation>成员重复：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing file: {name} (a theory session&apos;s bundle of {format} carries it)</source>
        <translation>缺少文件：{name}（{format} 格式的理论知识考试结果包必须包含此文件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing file: {name}</source>
        <translation>缺少文件：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra file: {name}</source>
        <translation>多出文件：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong key: the bundle names key {named}…, the given public key is {given}…</source>
        <translation>密钥不符：成绩包指明的密钥为 {named}…，所给公钥为 {given}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bad signature: manifest.json was changed or not signed by this key</source>
        <translation>签名无效：manifest.json 已被改动，或并非由该密钥签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest.json: JSON nested too deeply</source>
        <translation>manifest.json：JSON 嵌套过深</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest.json: not JSON ({reason})</source>
        <translation>manifest.json：不是 JSON（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest.json: not a JSON object</source>
        <translation>manifest.json：不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest.json: files[{n}] is not a file entry (path, sha256, size)</source>
        <translation>manifest.json：files[{n}] 不是文件条目（path、sha256、size）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manifest.json: files[{n}] lists {name} twice</source>
        <translation>manifest.json：files[{n}] 重复列出 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown bundle format {format}</source>
        <translation>未知的成绩包格式 {format}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size mismatch: {name} is {size} bytes, manifest says {listed}</source>
        <translation>大小不符：{name} 为 {size} 字节，清单记载为 {listed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>digest mismatch: {name}</source>
        <translation>摘要不符：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response_matrix.csv: the header is not {columns}</source>
        <translation>response_matrix.csv：表头不是 {columns}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response_matrix.csv: row {n} has {cells} cells, not {columns}</source>
        <translation>response_matrix.csv：第 {n} 行有 {cells} 列，应为 {columns} 列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response_matrix.csv: not UTF-8 text</source>
        <translation>response_matrix.csv：不是 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response_matrix.csv: not CSV ({reason})</source>
        <translation>response_matrix.csv：不是 CSV 表格（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response_matrix.csv: {rows} rows of {candidates} candidates, the manifest says {listed_rows} rows of {listed_candidates}</source>
        <translation>response_matrix.csv：共 {rows} 行、{candidates} 名考生，清单记载为 {listed_rows} 行、{listed_candidates} 名考生</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not UTF-8 text ({reason})</source>
        <translation>不是 UTF-8 编码的文本（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YAML syntax: {problem}</source>
        <translation>YAML 格式错误：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping key must be a plain value</source>
        <translation>映射的键必须是简单的文字或数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate key {key}</source>
        <translation>键 {key} 重复出现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mapping values are not allowed in this context</source>
        <translation>此处不能写“键: 值”（请检查缩进，或给含冒号的值加引号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found character that cannot start any token</source>
        <translation>出现了不能出现在开头的字符（如 Tab 制表符或 @，请改用空格缩进或给值加引号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found unexpected end of stream</source>
        <translation>文件意外结束（请检查引号或括号是否配对）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did not find expected key</source>
        <translation>缺少应有的键（请检查缩进是否对齐）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did not find expected &apos;-&apos; indicator</source>
        <translation>缺少列表项开头的“-”（请检查缩进是否对齐）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did not find expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>缺少“,”或“]”（请检查方括号是否配对）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a real date; write text that only looks like a date in quotes</source>
        <translation>{value} 不是有效的日期；只是形似日期的文字请加引号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} cannot be read as {tag}</source>
        <translation>{value} 无法按 {tag} 读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{tag} values are not used in ExamDesk files</source>
        <translation>ExamDesk 文件不使用 {tag} 类型的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nested more than {depth} levels deep</source>
        <translation>嵌套超过 {depth} 层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>character U+{code} is not allowed in YAML text (a control or special character)</source>
        <translation>YAML 文本中不允许出现字符 U+{code}（控制字符或特殊字符）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missing</source>
        <translation>缺少此项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a mapping, got {got}</source>
        <translation>应为映射（键: 值），实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list, got {got}</source>
        <translation>应为列表，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be text, got {got}</source>
        <translation>应为文本，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a number, got {got}</source>
        <translation>应为数字，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a positive multiple of 0.5, got {got}</source>
        <translation>应为 0.5 的正整数倍，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be between 1 and 100, got {got}</source>
        <translation>应在 1 到 100 之间，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be 1..5, got {got}</source>
        <translation>应为 1 到 5，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be true or false, got {got}</source>
        <translation>应为 true 或 false，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at most {most}, got {got}</source>
        <translation>不能超过 {most}，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be {kinds}, got {got}</source>
        <translation>应为{kinds}，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no such file or directory</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a bank file of this name was imported meanwhile (by another station or window); see the banks in use, then import again only what is missing</source>
        <translation>同名题库文件已在此期间由其他考试机或窗口导入；请查看在用题库，再只导入尚缺的文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>standards were imported meanwhile (by another station or window): see the standards in use, then import again</source>
        <translation>标准已在此期间由其他考试机或窗口导入：请查看在用标准，然后重新导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected {expected}, got {got}</source>
        <translation>应为 {expected}，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown subtype {subtype}; {standard} has: {choices}</source>
        <translation>未知的工种 {subtype}；{standard} 包括：{choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown standard {code}; known: {known}</source>
        <translation>未知的职业标准 {code}；已有的标准：{known}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown export format {format}; formats: {known}</source>
        <translation>未知的导出格式 {format}；可用格式：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no bank {bank} in use; banks: {known}</source>
        <translation>没有在用的题库 {bank}；现有题库：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bank {bank} is in use in version {in_use}, not {version}</source>
        <translation>题库 {bank} 在用的是版本 {in_use}，不是 {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bank {bank} has no questions of level {level}</source>
        <translation>题库 {bank} 没有等级 {level} 的试题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bank id {bank} already used by {source}</source>
        <translation>题库编号 {bank} 已被 {source} 使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate id {id} (first in {source})</source>
        <translation>编号 {id} 重复（首次出现在 {source}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the bank has neither items nor tasks</source>
        <translation>题库中既没有理论试题，也没有技能操作题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a level must be a number or name, got {got}</source>
        <translation>等级应为数字或名称，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown type {type}; use one of {known}</source>
        <translation>未知的题型 {type}；可用的题型：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>media files cannot be imported into the store yet</source>
        <translation>暂不支持导入带媒体文件的题目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file not found: {file}</source>
        <translation>找不到文件：{file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: list the levels whose papers may use this item</source>
        <translation>不能为空：请列出可以使用本题组卷的等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {type} item has no options</source>
        <translation>{type} 类题目不设选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be one option label, e.g. B</source>
        <translation>应为一个选项字母，例如 B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} is not among the options {labels}</source>
        <translation>{key} 不在选项 {labels} 之中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list of option labels, e.g. [A, C]</source>
        <translation>应为选项字母的列表，例如 [A, C]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{labels} not among the options</source>
        <translation>{labels} 不在选项之中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a label is listed twice</source>
        <translation>有选项字母重复列出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a multiple-choice item needs at least two correct options</source>
        <translation>多项选择题至少要有两个正确选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every option is correct; leave at least one wrong option</source>
        <translation>所有选项都是正确答案；至少要保留一个错误选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be one list of accepted answers per blank</source>
        <translation>应按空分别列出可接受的答案，每空一个列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the stem has {blanks} blank(s) (____) but the key has {answers}</source>
        <translation>题干有 {blanks} 个空（____），但答案有 {answers} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a {type} item needs a rubric</source>
        <translation>{type} 类题目需要评分要点（rubric）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maxima add up to {total}, but points is {points}</source>
        <translation>各评分要点满分合计为 {total}，但本题分值（points）为 {points}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be positive</source>
        <translation>应为正数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs 3 to {most} options, has {count}</source>
        <translation>应有 3 到 {most} 个选项，现有 {count} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>labels must be {expected} in order</source>
        <translation>选项字母应依次为 {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty option text</source>
        <translation>选项内容为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the option text {text} appears twice</source>
        <translation>选项内容 {text} 出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a skill task needs at least one scoring point</source>
        <translation>技能操作题至少需要一个评分要点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>level {level} does not exist; known: {known}</source>
        <translation>等级 {level} 不存在；已有的等级：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>level {level} has no area {area}, and no weight file read with this bank adds it (own_areas)</source>
        <translation>等级 {level} 没有职业功能 {area}，与本题库一同读取的权重文件也未增设该领域（own_areas）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>level {level} has no area {area}</source>
        <translation>等级 {level} 没有职业功能 {area}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{area} is not weighted in the {part} table of level {level}</source>
        <translation>{area} 未列入等级 {level} 的 {part}_weights 权重表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no content {code} under {area} in the listed levels</source>
        <translation>所列等级的 {area} 下没有工作内容 {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown mode {mode}; use one of {known}</source>
        <translation>未知的考核方式 {mode}；可用：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an observed task says its form: {forms}</source>
        <translation>现场观察类题目须注明形式：{forms}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only an observed task has a form; this task is {mode}</source>
        <translation>只有现场观察类题目才有形式（form）；本题为 {mode}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an oral task needs a pool of at least {least} question cards, has {count}</source>
        <translation>现场问答题的题卡库至少需要 {least} 张题卡，现有 {count} 张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same question is in the pool twice</source>
        <translation>题卡库中有重复的问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the points the examiners expect in the answer</source>
        <translation>请列出考评员期望答案中包含的要点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only an oral task has question cards; this task is {mode}</source>
        <translation>只有现场问答题才有题卡；本题为 {mode}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>standard {code} defined twice</source>
        <translation>职业标准 {code} 定义了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported schema {schema}, expected {expected}</source>
        <translation>不支持的 schema {schema}，应为 {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is {code}, but the paper is for standard {standard}</source>
        <translation>此处为 {code}，但试卷所用的职业标准是 {standard}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown level; {standard} has: {levels}</source>
        <translation>未知的等级；{standard} 的等级有：{levels}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight must be a positive integer, got {got}</source>
        <translation>权重应为正整数，实际为 {got}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown area {area}; this level has: {known}</source>
        <translation>未知的职业功能 {area}；本等级包括：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基本要求 areas are not weighted in skill tables</source>
        <translation>技能操作权重表不列基本要求（职业道德、基础知识）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights sum to {total}, must be 100</source>
        <translation>权重合计为 {total}，应为 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no levels defined</source>
        <translation>没有定义任何等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>level {level} appears twice</source>
        <translation>等级 {level} 出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>content code {code} twice</source>
        <translation>工作内容编号 {code} 出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing (official_weights is true)</source>
        <translation>缺少此项（official_weights 为 true）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name the standard (and section) the rules are borrowed from</source>
        <translation>请写明规则借用自哪个标准（及其章节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: list the rules borrowed</source>
        <translation>为空：请列出借用的规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown rule {rule}; use {rules}</source>
        <translation>未知的规则 {rule}；可用：{rules}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is listed twice</source>
        <translation>{name} 列出了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{standard} sets {rule} itself; a weight file cannot change it</source>
        <translation>{standard} 自行规定了 {rule}，权重文件不能更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the exam owner&apos;s own areas are weighted in theory tables only</source>
        <translation>考试方自设的领域只能列入理论知识权重表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{standard} has official weight tables; a weight file cannot add areas to it</source>
        <translation>{standard} 有官方权重表，权重文件不能为其增设领域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{area} is already an area of this level</source>
        <translation>{area} 已是本等级的职业功能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: list the content codes items may cite</source>
        <translation>为空：请列出题目可引用的内容代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown field {field}; a level may set: {fields}</source>
        <translation>未知字段 {field}；等级下可设置：{fields}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only theory blueprints have a type mix; skill papers take one task per area</source>
        <translation>只有理论知识组卷方案设题型配比；技能操作试卷每个职业功能抽一道题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown item type {type}</source>
        <translation>未知的题型 {type}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} items are examiner-scored; a theory mix holds objective types</source>
        <translation>{type} 类题目由考评员评分；理论题型配比只能包含客观题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be all_or_nothing or proportional</source>
        <translation>应为 all_or_nothing 或 proportional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no theory blueprint applies to {standard} level {level}</source>
        <translation>没有适用于 {standard} 等级 {level} 的理论知识组卷方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} blueprints apply equally to {standard} level {level}: {names}</source>
        <translation>有 {count} 个组卷方案同样适用于 {standard} 等级 {level}：{names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count x points add up to {total}, must be 100</source>
        <translation>题量 × 每题分值合计为 {total}，应为 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>type {type} listed twice</source>
        <translation>题型 {type} 列出了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a positive multiple of 0.5</source>
        <translation>应为 0.5 的正整数倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be between 1 and 5</source>
        <translation>应在 1 到 5 之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a file that applies to one level cannot set other levels</source>
        <translation>只适用于一个等级的文件不能再设置其他等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be between 0 and 4</source>
        <translation>应在 0 到 4 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an item cannot be its own enemy</source>
        <translation>题目不能与自身互斥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{id} is a skill task; enemies are items</source>
        <translation>{id} 是技能考核项目；互斥的只能是题目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown item {id}: no bank read with this one has it</source>
        <translation>未知的题目 {id}：与本题库一同读取的题库中都没有这道题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bank cannot fill a {paper_part} paper for {standard} level {level} ({name}) exactly:</source>
        <translation>题库无法严格按组卷方案组出 {standard} 等级 {level}（{name}）的{paper_part}试卷：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bank cannot fill a skill assessment for {standard} level {level} ({name}):</source>
        <translation>题库无法组出 {standard} 等级 {level}（{name}）的技能操作考核试卷：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{cell}: needs {need}; the bank has {available}, but enemies may not share a paper, so only {usable} can (short by {shortfall}, {points} points); enemy pairs: {pairs}</source>
        <translation>{cell}：需要 {need}；题库有 {available} 道，但互斥题不能出现在同一份试卷中，最多只能用 {usable} 道（缺 {shortfall}，共 {points} 分）；互斥题对：{pairs}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{cell}: needs {need}; {free} have no enemy, so {bound} must come from items with enemies, and {why}; enemy pairs: {pairs}</source>
        <translation>{cell}：需要 {need}；其中没有互斥题的只有 {free} 道，其余 {bound} 道必须从有互斥题的题目中选，但{why}；互斥题对：{pairs}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{cell}: needs {need}, the bank has {available} (short by {shortfall}, {points} points)</source>
        <translation>{cell}：需要 {need}，题库只有 {available} 道（缺 {shortfall}，共 {points} 分）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{area}: {points} points cannot be made from the blueprint&apos;s item points; change the type mix</source>
        <translation>{area}：{points} 分无法用组卷方案规定的各题型分值凑成；请修改题型配比</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no allocation fits the bank&apos;s items</source>
        <translation>题库现有的试题无法满足任何一种题量分配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bank cannot reach the blueprint&apos;s mean difficulty for {standard} level {level} ({name}):</source>
        <translation>题库达不到组卷方案为 {standard} 等级 {level}（{name}）规定的平均难度：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mean difficulty: {source} sets the target {target} ± {tolerance}, but the hardest paper these items make has {reach} (the level&apos;s items average {mean}); write harder items or lower the target</source>
        <translation>平均难度：{source} 规定的目标为 {target} ± {tolerance}，但用这些试题最难只能组出 {reach}（本等级试题平均 {mean}）；请编写更难的试题或降低目标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mean difficulty: {source} sets the target {target} ± {tolerance}, but the easiest paper these items make has {reach} (the level&apos;s items average {mean}); write easier items or raise the target</source>
        <translation>平均难度：{source} 规定的目标为 {target} ± {tolerance}，但用这些试题最易也只能组出 {reach}（本等级试题平均 {mean}）；请编写更容易的试题或提高目标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{area}: no skill task for this level</source>
        <translation>{area}：本等级没有技能操作题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{standard} has no official {paper_part} weight table for level {level} ({name}); the exam owner must supply one with --weights FILE (see docs/bank-format.md, &apos;Weight files&apos;)</source>
        <translation>{standard} 未发布等级 {level}（{name}）的官方{paper_part}权重表；须由考核评价机构用 --weights FILE 提供（见 docs/bank-format.md 中的“Weight files”一节）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sign in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you have been signed out: sign in again</source>
        <translation>您已退出登录：请重新登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your sign-in has expired: sign in again</source>
        <translation>登录已过期：请重新登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this sign-in belongs to another station: sign in here</source>
        <translation>该登录属于其他考位/工作站：请在本机登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no job {job}</source>
        <translation>没有任务 {job}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the service failed unexpectedly; the fault is logged at the centre</source>
        <translation>服务意外出错；故障已记录在考点服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such call: {method}</source>
        <translation>没有此调用：{method}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{method}: the call does not fit: {problem}</source>
        <translation>{method}：调用参数不符：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{method}: the arguments must be an object</source>
        <translation>{method}：参数必须是对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{method}: unknown argument {name}</source>
        <translation>{method}：未知参数 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{method}: missing argument {name}</source>
        <translation>{method}：缺少参数 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{method}: argument {name}: {problem}</source>
        <translation>{method}：参数 {name}：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a request names its method</source>
        <translation>请求必须指明调用名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{method}: token and station must be text</source>
        <translation>{method}：令牌和工作站必须是文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the request is not JSON</source>
        <translation>请求不是 JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre cannot be reached: {reason}</source>
        <translation>无法连接考点服务器：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{role} may not follow a session</source>
        <translation>{role} 无权查看本场次的动态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>station {station}: {problem}</source>
        <translation>考试机 {station}：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this PC is not enrolled with the centre</source>
        <translation>本机尚未在考点服务器登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this PC is not enrolled with the centre (or its enrolment was revoked)</source>
        <translation>本机尚未在考点服务器登记（或登记已被撤销）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this enrolment code is not valid for station {station}</source>
        <translation>此登记码对考试机 {station} 无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this enrolment code has expired: ask the admin for a new one</source>
        <translation>此登记码已过期：请向管理员索取新的登记码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>station {station} is not enrolled</source>
        <translation>考试机 {station} 未登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no store at {path}: create one with &apos;examdesk store init&apos;</source>
        <translation>{path} 处没有数据库：请先用 &apos;examdesk store init&apos; 创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no centre certificates in {folder}: run &apos;examdesk centre init&apos; first</source>
        <translation>{folder} 中没有考点证书：请先运行 &apos;examdesk centre init&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give the enrolment code the admin&apos;s screen shows (--code)</source>
        <translation>请输入管理员屏幕上显示的登记码（--code）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--listen {listen}: give HOST:PORT, e.g. 0.0.0.0:8443</source>
        <translation>--listen {listen}：请写成 主机:端口，例如 0.0.0.0:8443</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--workers {workers}: give 1 or more</source>
        <translation>--workers {workers}：请给出 1 或更大的数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>centre worker {index} stopped at its start {count} times running (exit {code}): see the log above</source>
        <translation>考点服务进程 {index} 连续 {count} 次启动即停止（退出码 {code}）：请查看上方日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the centre process that ran this job stopped: start it again</source>
        <translation>运行此任务的考点服务进程已停止：请重新开始此任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no centre set up in {folder}: run &apos;examdesk centre init&apos; first</source>
        <translation>{folder} 中尚未设置考点服务：请先运行 &apos;examdesk centre init&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name at least one host name or address the stations use to reach the centre</source>
        <translation>请至少给出一个考试机访问考点服务器所用的主机名或地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an enrolment code has {n} characters (groups of 5); this one has {got}</source>
        <translation>登记码共 {n} 个字符（每 5 个一组）；此码有 {got} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre&apos;s CA certificate cannot be read</source>
        <translation>无法读取考点的 CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre at {address} is not the one the code belongs to (its certificate&apos;s fingerprint differs): do not enrol; tell the admin</source>
        <translation>{address} 处的服务器不是该登记码所属的考点（证书指纹不符）：请勿登记，并告知管理员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this PC is not enrolled with a centre ({path} is missing): enrol it first</source>
        <translation>本机尚未在考点登记（缺少 {path}）：请先登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--copy-to is for a SQLite store; PostgreSQL centres keep a standby instead</source>
        <translation>--copy-to 仅用于 SQLite 数据库；PostgreSQL 考点应使用备用服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the journal in {folder} is open in another window</source>
        <translation>{folder} 中的答题日志已在另一个窗口中打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no station journal in {folder}: {problem}</source>
        <translation>{folder} 中没有考试机答题日志：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a record of {size} bytes at offset {at}</source>
        <translation>偏移 {at} 处有一条 {size} 字节的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is the journal of another station</source>
        <translation>{path} 是另一台考试机的答题日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a station journal</source>
        <translation>{path} 不是考试机答题日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: record {n} follows record {last}</source>
        <translation>{path}：第 {n} 条记录接在第 {last} 条之后（顺序不对）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: record {n} fails authentication</source>
        <translation>{path}：第 {n} 条记录未通过完整性校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{address}: a centre address is https://HOST[:PORT]</source>
        <translation>{address}：考点地址应写成 https://主机[:端口]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not a centre configuration ({problem})</source>
        <translation>{path}：不是考点配置文件（{problem}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not a station enrolment ({problem}); enrol this PC again</source>
        <translation>{path}：不是考试机登记文件（{problem}）；请重新登记本机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {name} {value} has spaces around it or a line break</source>
        <translation>{name} {value} 首尾有空格或含有换行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown role {role}: one of {roles}</source>
        <translation>未知的角色 {role}：应为 {roles} 之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} is not a folder</source>
        <translation>{folder} 不是文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the readiness report is malformed: {problem}</source>
        <translation>就绪检测报告格式有误：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>station {station} is not enrolled at this centre</source>
        <translation>考试机 {station} 未在本考点登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single-station mode: the services run in this program, no network is needed</source>
        <translation>单机模式：服务在本程序内运行，无需网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre answers over a verified secure connection ({ms} ms)</source>
        <translation>考点服务经已验证的安全连接应答（{ms} 毫秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre answers, but not over a verified secure connection: answers could be read or changed on the network; enrol this station again</source>
        <translation>考点服务有应答，但未经已验证的安全连接：答案可能在网络上被读取或篡改；请重新登记本考试机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no answer from the centre: {error}; check the network cable and the centre&apos;s address</source>
        <translation>考点服务无应答：{error}；请检查网线和考点服务地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>single-station mode: exam time runs on this PC&apos;s own clock</source>
        <translation>单机模式：考试计时使用本机时钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this PC&apos;s clock is within {seconds} s of the centre&apos;s</source>
        <translation>本机时钟与考点服务时钟相差不超过 {seconds} 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this PC&apos;s clock is {seconds} s ahead of the centre&apos;s: exam time follows the centre&apos;s clock, but this PC&apos;s own records will carry a wrong time; set the clock or turn on time sync</source>
        <translation>本机时钟比考点服务快 {seconds} 秒：考试计时以考点服务时钟为准，但本机记录的时间会有误；请校准时钟或开启时间同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this PC&apos;s clock is {seconds} s behind the centre&apos;s: exam time follows the centre&apos;s clock, but this PC&apos;s own records will carry a wrong time; set the clock or turn on time sync</source>
        <translation>本机时钟比考点服务慢 {seconds} 秒：考试计时以考点服务时钟为准，但本机记录的时间会有误；请校准时钟或开启时间同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this PC&apos;s clock is {seconds} s ahead of the centre&apos;s: over a minute off means a wrong date, time or time zone, which can break the secure connection (the centre&apos;s certificate looks expired or not yet valid); set the clock</source>
        <translation>本机时钟比考点服务快 {seconds} 秒：相差超过一分钟说明日期、时间或时区设置有误，可能导致安全连接失败（考点证书显示为已过期或尚未生效）；请校准时钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this PC&apos;s clock is {seconds} s behind the centre&apos;s: over a minute off means a wrong date, time or time zone, which can break the secure connection (the centre&apos;s certificate looks expired or not yet valid); set the clock</source>
        <translation>本机时钟比考点服务慢 {seconds} 秒：相差超过一分钟说明日期、时间或时区设置有误，可能导致安全连接失败（考点证书显示为已过期或尚未生效）；请校准时钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the clock offset to the centre could not be measured: {error}</source>
        <translation>无法测量与考点服务的时钟偏差：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ExamDesk {version}, the same as the centre</source>
        <translation>ExamDesk {version}，与考点服务一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this station runs ExamDesk {ours}, the centre {theirs}: install the centre&apos;s version here</source>
        <translation>本考试机运行 ExamDesk {ours}，考点服务为 {theirs}：请在本机安装与考点服务相同的版本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the centre&apos;s ExamDesk version could not be read: {error}</source>
        <translation>无法读取考点服务的 ExamDesk 版本：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{free} MB free in {folder}; a test file was written, synced and read back in {ms} ms</source>
        <translation>{folder} 可用空间 {free} MB；测试文件写入、落盘并读回用时 {ms} 毫秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only {free} MB free in {folder}: at least {advised} MB is advised; free some space</source>
        <translation>{folder} 仅剩 {free} MB 可用空间：建议至少 {advised} MB；请清理磁盘</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only {free} MB free in {folder}: answers kept on this PC while the link is down need room, at least {needed} MB; free some space</source>
        <translation>{folder} 仅剩 {free} MB 可用空间：断网期间答案需暂存在本机，至少需要 {needed} MB；请清理磁盘</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>writing and syncing a test file in {folder} took {ms} ms: the disk is very slow or failing</source>
        <translation>在 {folder} 写入并落盘测试文件用时 {ms} 毫秒：磁盘过慢或可能损坏</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a test file in {folder} could not be written and read back: {error}</source>
        <translation>无法在 {folder} 写入并读回测试文件：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one screen of {width}×{height}</source>
        <translation>一块屏幕，{width}×{height}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the screen shows {width}×{height}: ExamDesk needs at least {min_width}×{min_height} (check the resolution and the display scaling)</source>
        <translation>屏幕显示区域为 {width}×{height}：ExamDesk 至少需要 {min_width}×{min_height}（请检查分辨率和显示缩放）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} screens are connected: another screen can show the exam to others; disconnect it</source>
        <translation>连接了 {count} 块屏幕：其他屏幕可能向他人展示考试内容；请断开多余屏幕</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no screen was found</source>
        <translation>未发现屏幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the screen was not checked: no display here (run the check on the station&apos;s desktop)</source>
        <translation>未检测屏幕：此处没有显示器（请在考试机桌面上运行检测）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chinese text shows in {font}</source>
        <translation>中文使用 {font} 显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no font on this PC can show Chinese: questions would show as empty boxes; install a CJK font such as Noto Sans CJK SC</source>
        <translation>本机没有可显示中文的字体：试题将显示为方框；请安装中文字体，例如 Noto Sans CJK SC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the fonts were not checked: no display here (run the check on the station&apos;s desktop)</source>
        <translation>未检测字体：此处没有显示器（请在考试机桌面上运行检测）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no sign of a virtual machine</source>
        <translation>未发现虚拟机迹象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this PC looks like a virtual machine ({evidence}): other programs could run beside the exam unseen; use a physical PC</source>
        <translation>本机疑似虚拟机（{evidence}）：其他程序可能在考试之外隐蔽运行；请使用实体机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no sign of a remote session or remote-control program</source>
        <translation>未发现远程会话或远程控制程序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a remote session or remote-control program ({evidence}): someone elsewhere may see or control this PC; run the exam at the PC itself</source>
        <translation>发现远程会话或远程控制程序（{evidence}）：他人可能远程查看或控制本机；请在本机上直接考试</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a SQLite centre has no standby: it copies its store to a second disk instead</source>
        <translation>SQLite 考点没有备用服务器：它改为把数据库复制到第二块磁盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre holds its saves until its standby answers or the admin goes on without it</source>
        <translation>考点暂缓保存，直到其备用服务器恢复响应，或管理员选择不用备用服务器继续</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>standby name {name}: use 1 to 63 lower-case letters, digits and &apos;_&apos;</source>
        <translation>备用服务器名称 {name}：只能用 1 到 63 个小写字母、数字和 &apos;_&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url}: a standby is for a PostgreSQL store; a SQLite centre copies its store instead (--copy-to)</source>
        <translation>{url}：备用服务器仅用于 PostgreSQL 数据库；SQLite 考点改为复制数据库（--copy-to）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the PostgreSQL server at {server} cannot be reached: {reason}</source>
        <translation>无法连接 {server} 上的 PostgreSQL 服务器：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server at {server} is a standby itself: attach on the primary</source>
        <translation>{server} 上的服务器本身是备用服务器：请在主服务器上连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no standby named {name} is streaming from {server} (streaming: {streaming}): start it first (&apos;examdesk centre standby init&apos;)</source>
        <translation>没有名为 {name} 的备用服务器正在从 {server} 接收数据（正在接收的：{streaming}）：请先启动它（&apos;examdesk centre standby init&apos;）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server at {server} is not a standby (it is a primary already)</source>
        <translation>{server} 上的服务器不是备用服务器（它已经是主服务器）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the standby at {server} did not finish promotion within 60 s</source>
        <translation>{server} 上的备用服务器未能在 60 秒内完成提升</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server at {server} is a standby: prepare the primary</source>
        <translation>{server} 上的服务器是备用服务器：请准备主服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the PostgreSQL program {tool} is not installed on this PC: install PostgreSQL (the same major version as the primary&apos;s) first</source>
        <translation>本机未安装 PostgreSQL 程序 {tool}：请先安装 PostgreSQL（与主服务器相同的主版本）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--primary {primary}: give HOST:PORT of the primary&apos;s PostgreSQL</source>
        <translation>--primary {primary}：请给出主服务器 PostgreSQL 的 主机:端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} is not empty: give a new folder for the standby&apos;s data</source>
        <translation>{folder} 不是空的：请为备用服务器的数据指定一个新文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give the PostgreSQL store&apos;s URL (--db postgresql+psycopg://USER@HOST:PORT/DB)</source>
        <translation>请给出 PostgreSQL 数据库的 URL（--db postgresql+psycopg://用户@主机:端口/数据库）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{tool} did not finish within {seconds} s</source>
        <translation>{tool} 未能在 {seconds} 秒内完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{tool} failed: {reason}</source>
        <translation>{tool} 失败：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} must be a number, got {value}</source>
        <translation>{what} 必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{area} / {label} ({type}, {points} {unit} each)</source>
        <translation>{area} / {label}（{type}，每题 {points} {unit}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point</source>
        <translation>分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} item</source>
        <translation>{n} 道题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} items</source>
        <translation>{n} 道题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no choice of items can avoid every enemy pair</source>
        <translation>无论怎样选题都避不开互斥题对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no choice without an enemy pair was found within the search limit</source>
        <translation>在搜索上限内没有找到不含互斥题对的选题方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} and {more} more</source>
        <translation>{shown}，另有 {more} 对未列出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>theory</source>
        <translation>理论知识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skill</source>
        <translation>技能操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at least {least} and an odd number of</source>
        <translation>至少 {least} 名、且为奇数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least {least}</source>
        <translation>至少 {least} 名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{first} or {second}</source>
        <translation>{first}或{second}</translation>
    </message>
    <message>
        <location line="-463"/>
        <source>the candidate was absent: there is nothing to grade</source>
        <translation>该考生缺考，没有可评分的试卷</translation>
    </message>
    <message>
        <location line="-664"/>
        <source>the store was changed outside ExamDesk: {problem}. Do not run an exam on it: run &apos;examdesk store verify&apos; for the full check, keep this data folder as evidence, and restore the last good copy (the second disk&apos;s copy or a backup) under the same passphrase</source>
        <translation>数据库在 ExamDesk 之外被改动：{problem}。不要用它进行考试：运行 &apos;examdesk store verify&apos; 做完整检查，保留此数据文件夹作为证据，并用同一口令恢复最近一份完好的副本（第二块硬盘上的副本或备份）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the store&apos;s schema version is {version}, which this ExamDesk does not know: it was written by a newer ExamDesk, or its version record was edited. Open it with the ExamDesk that wrote it, or restore the data folder from a backup; nothing was changed</source>
        <translation>数据库的结构版本为 {version}，本版 ExamDesk 不认识：它由更新版本的 ExamDesk 写入，或其版本记录被改动。请用写入它的 ExamDesk 打开，或从备份恢复数据文件夹；未做任何改动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the store could not be upgraded from schema version {version} ({error}): its version record does not match its tables (set back outside ExamDesk?). Restore the data folder from a backup, or ask for support with &apos;examdesk store verify&apos;; nothing was changed</source>
        <translation>无法从结构版本 {version} 升级数据库（{error}）：其版本记录与数据表不符（在 ExamDesk 之外被回退？）。请从备份恢复数据文件夹，或运行 &apos;examdesk store verify&apos; 后寻求技术支持；未做任何改动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the store was changed outside ExamDesk ({problem}): nothing was exported. Run &apos;examdesk store verify&apos;</source>
        <translation>数据库在 ExamDesk 之外被改动（{problem}）：未导出任何内容。请运行 &apos;examdesk store verify&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} was changed after it was sealed, or is not a sealed package: {reason}</source>
        <translation>{file} 在密封后被改动，或不是密封试卷包：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not an ExamDesk sealed package</source>
        <translation>不是 ExamDesk 密封试卷包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its header is cut short or too long</source>
        <translation>文件头被截短或过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its header cannot be read</source>
        <translation>文件头无法读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its signature does not match its content</source>
        <translation>签名与内容不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a package of the format this ExamDesk reads (examdesk-package/1)</source>
        <translation>不是本版 ExamDesk 可读取的试卷包格式（examdesk-package/1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its header lacks a field or has one of the wrong kind</source>
        <translation>文件头缺少字段或字段类型不对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its content does not match the signed digest</source>
        <translation>内容与签名中的摘要不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its content cannot be decrypted</source>
        <translation>内容无法解密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its digest is not the one recorded at import</source>
        <translation>摘要与导入时记录的不一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is not an Ed25519 public key in PEM form</source>
        <translation>{file} 不是 PEM 格式的 Ed25519 公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the owner key {fingerprint} is already trusted</source>
        <translation>命题单位公钥 {fingerprint} 已被信任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is signed by an exam owner this centre does not trust (key {fingerprint}): register the owner&apos;s public key first (owner trust)</source>
        <translation>{file} 的签名者不是本考点信任的命题单位（公钥 {fingerprint}）：请先登记该命题单位的公钥（owner trust）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>package {package} is already imported</source>
        <translation>试卷包 {package} 已导入</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>no sealed package {package} in this store: import it first</source>
        <translation>本考务库中没有密封试卷包 {package}：请先导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>package {package} (session {session}) is already open</source>
        <translation>试卷包 {package}（场次 {session}）已启封</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>package {package} (session {session}) opens at {not_before} (UTC) on the centre&apos;s clock; it is {now} now</source>
        <translation>试卷包 {package}（场次 {session}）按考点时钟于 {not_before}（UTC）启封；现在是 {now}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the release key is mistyped (a release key has 30 letters and digits and its check characters must match): type it again</source>
        <translation>启封密钥输入有误（启封密钥共 30 位字母和数字，且校验位须一致）：请重新输入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this release key is not the key of package {package} (session {session})</source>
        <translation>此启封密钥不是试卷包 {package}（场次 {session}）的密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the opened content of package {package} (session {session}) is not the content of that package: the store was changed</source>
        <translation>试卷包 {package}（场次 {session}）已启封的内容不属于该试卷包：考务库已被改动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>session {code}&apos;s content is in a sealed package that is not open yet: open it with its release key first</source>
        <translation>场次 {code} 的考试内容在尚未启封的密封试卷包中：请先用启封密钥启封</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the review criteria list no criterion</source>
        <translation>评审标准未列出任何评审项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a review criterion has no name</source>
        <translation>有评审项未填写名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review criterion {name} is listed twice</source>
        <translation>评审项 {name} 重复列出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review criterion {name} has weight {weight}; weights are above 0</source>
        <translation>评审项 {name} 的权重为 {weight}；权重须大于 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review criteria&apos;s weights add up to {total}, not 100</source>
        <translation>评审项权重合计为 {total}，不是 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review spread threshold is {spread}; use a number above 0 and at most 100</source>
        <translation>评审分差阈值为 {spread}；请填写大于 0 且不超过 100 的数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review criterion {name} has no mark</source>
        <translation>评审项 {name} 尚未打分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review criterion {name} is marked out of 100, got {mark}</source>
        <translation>评审项 {name} 按百分制打分，收到 {mark}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no review criterion {name}</source>
        <translation>没有评审项 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the defence has not been held</source>
        <translation>尚未进行答辩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the defence is still running</source>
        <translation>答辩仍在进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the defence lasted {minutes} minutes; the standard asks for at least {least} per candidate</source>
        <translation>答辩用时 {minutes} 分钟；标准要求每名考生不少于 {least} 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no application materials are registered</source>
        <translation>尚未登记任何申报材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the standard asks for the employer&apos;s assessment of representative works; none is registered</source>
        <translation>标准要求主要成果代表作须有本单位评价，尚未登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the panel&apos;s scores are further apart than the spread threshold: the chair notes how the disagreement was settled</source>
        <translation>评审委员评分差距超过分差阈值：请主任委员记录分歧的处理意见</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>session {code} is not a comprehensive review</source>
        <translation>场次 {code} 不是综合评审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the review criteria are for standard {criteria}, session {code} is {standard}</source>
        <translation>该评审标准适用于标准 {criteria}，场次 {code} 属于 {standard}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no attachment {material}</source>
        <translation>没有附件 {material}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the panel has started scoring: the review criteria can no longer change</source>
        <translation>评审委员已开始评分：评审标准不能再更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown kind of review material {kind}</source>
        <translation>未知的评审材料类别 {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a review material needs a title of at most {most} characters</source>
        <translation>评审材料须填写名称，最多 {most} 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a review material has at least 1 page, got {pages}</source>
        <translation>评审材料至少 1 页，收到 {pages}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an attachment is at most {most} MB</source>
        <translation>附件不得超过 {most} MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the defence has already started</source>
        <translation>答辩已经开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the defence has not started</source>
        <translation>答辩尚未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the defence has already ended</source>
        <translation>答辩已经结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown kind of review note {kind}</source>
        <translation>未知的评审记录类别 {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a question or note has 1 to {most} characters</source>
        <translation>提问或记录须为 1 至 {most} 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the review panel&apos;s chair finalizes a review</source>
        <translation>只有评审组主任委员可以确定综合评审成绩</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two bank files of this name: rename one</source>
        <translation>有两个同名的题库文件：请将其中一个改名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: the question (题干)</source>
        <translation>为空：请填写题干</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no 题型 column, and the sheet&apos;s name {sheet} is no question type (name it 单选题, 多选题, 判断题, 填空题, 简答题 or 论述题, or add a 题型 column)</source>
        <translation>没有“题型”列，工作表名称 {sheet} 也不是题型（请将工作表命名为 单选题、多选题、判断题、填空题、简答题 或 论述题，或增加“题型”列）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the column {column} repeats column {first} ({header})</source>
        <translation>列 {column} 与第 {first} 列（{header}）重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no header row with a 题干 column in the first rows: the sheet is skipped</source>
        <translation>前几行中没有含“题干”列的表头行：已跳过该工作表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing: the question type (题型)</source>
        <translation>缺少题型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a positive number (分值), got {value}</source>
        <translation>分值应为正数，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be 是 or 否, got {value}</source>
        <translation>应为 是 或 否，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a choice question needs options (columns 选项A, 选项B, ...)</source>
        <translation>选择题须填写选项（选项A、选项B……列）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing: the correct answer (正确答案), e.g. B or ABD</source>
        <translation>缺少正确答案，例如 B 或 ABD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be option letters such as B or ABD, got {value}</source>
        <translation>应为选项字母，如 B 或 ABD，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no option {label} (the question has {count})</source>
        <translation>没有选项 {label}（本题共 {count} 个选项）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an option is named twice in {value}</source>
        <translation>{value} 中有选项重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a single-choice question has one correct option, got {value}</source>
        <translation>单选题只能有一个正确选项，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing: the correct answer (正确答案), e.g. 对 or 错</source>
        <translation>缺少正确答案，例如 对 或 错</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be true or false (对/错, √/×, 正确/错误, T/F), got {value}</source>
        <translation>应为 对/错（或 √/×、正确/错误、T/F），实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing: the accepted answers (正确答案), blanks separated by |</source>
        <translation>缺少正确答案；多个空之间用 | 分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a blank has no answer in {value} (blanks are separated by |, answers of one blank by ;)</source>
        <translation>{value} 中有空没有答案（多个空用 | 分隔，同一空的多个答案用 ; 分隔）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a scoring point is written 要点|分数 or 要点（N分）, got {value}</source>
        <translation>评分要点应写作 要点|分数 或 要点（N分），实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an Excel workbook (.xlsx): {reason}</source>
        <translation>不是 Excel 工作簿（.xlsx）：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>formula without a saved value: open the workbook in Excel or WPS and save it, then import it again</source>
        <translation>公式没有保存计算结果：请用 Excel 或 WPS 打开该工作簿并保存，然后重新导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning [{rule}]: {problem}</source>
        <translation>警告 [{rule}]：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option {label} (the key) has {length} characters, the others {others} on average: candidates pick the longest option; make the options about as long</source>
        <translation>选项 {label}（正确答案）有 {length} 个字，其余选项平均 {others} 个字：考生会挑最长的选项；请使各选项长短相近</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>option {label} (a distractor) has {length} characters, the others {others} on average: candidates pick the longest option; make the options about as long</source>
        <translation>选项 {label}（干扰项）有 {length} 个字，其余选项平均 {others} 个字：考生会挑最长的选项；请使各选项长短相近</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>option {label} is &apos;{text}&apos;: it rewards partial knowledge and needs a fixed order; write a fourth plausible option instead</source>
        <translation>选项 {label} 为“{text}”：它让只掌握部分内容的考生得分，且要求固定选项顺序；请改写为另一个似是而非的选项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>distractor {label} (&apos;{text}&apos;) is one no candidate would choose: write a mistake a candidate could make</source>
        <translation>干扰项 {label}（“{text}”）没有考生会选：请写一个考生可能犯的错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the stem asks for the wrong option and only the key ({labels}) has absolute wording ({words}): candidates know that absolute statements are usually false and pick it without knowing the content; word the key without it, or a distractor with it</source>
        <translation>题干问的是错误（不恰当）的选项，而只有正确答案（{labels}）用了绝对化措辞（{words}）：考生知道绝对化的说法通常是错的，不掌握内容也能选中；请去掉答案中的绝对化措辞，或让某个干扰项也使用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} of the file&apos;s {total} 判断题 with absolute wording (只要, 一定, ...) are keyed false: candidates learn that such wording means false; reword some so that they are true ({ids})</source>
        <translation>本文件 {total} 道含绝对化措辞（只要、一定……）的判断题中有 {count} 道答案为“错”：考生会学到这类措辞即意味着“错”；请改写其中一些，使其表述正确（{ids}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} of the file&apos;s {total} 判断题 with absolute wording (只要, 一定, ...) are keyed true: candidates learn that such wording means true; reword some so that they are false ({ids})</source>
        <translation>本文件 {total} 道含绝对化措辞（只要、一定……）的判断题中有 {count} 道答案为“对”：考生会学到这类措辞即意味着“对”；请改写其中一些，使其表述错误（{ids}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file&apos;s {total} 单项选择题 are keyed {spread}: far from even (chi-square {chi2}, p &lt; 0.05); move keys to the rarer letters by reordering options</source>
        <translation>本文件 {total} 道单项选择题的答案分布为 {spread}：明显不均（卡方 {chi2}，p &lt; 0.05）；请调整选项顺序，把答案移到较少出现的字母上</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} of the file&apos;s {total} 判断题 are keyed true: keep it between 30% and 70%</source>
        <translation>本文件 {total} 道判断题中有 {count} 道答案为“对”：请保持在 30% 到 70% 之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question type {value} is not supported; supported: 单选题, 多选题, 判断题, 填空题, 简答题, 论述题, 案例分析题</source>
        <translation>不支持题型 {value}；支持的题型：单选题、多选题、判断题、填空题、简答题、论述题、案例分析题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>media file not found: {file}</source>
        <translation>找不到媒体文件：{file}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>option {label} is empty, but a later option is filled</source>
        <translation>选项 {label} 为空，但其后的选项已填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown column {column}: ignored</source>
        <translation>未知的列 {column}：已忽略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sheet cannot be read: {reason}</source>
        <translation>无法读取该工作表：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>options in one cell are written one per line as A. ... B. ...</source>
        <translation>写在同一单元格中的选项须每行一个，写作 A. …… B. ……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no questions: no row below the header is filled in</source>
        <translation>没有试题：表头下没有填写任何一行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no questions found: no sheet has a header row with a 题干 column</source>
        <translation>未找到试题：没有工作表含有带“题干”列的表头行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown field {field}; a mapping has: standard, subtype, defaults, rules, difficulty</source>
        <translation>未知字段 {field}；映射文件可包含：standard、subtype、defaults、rules、difficulty</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a rule names what it matches: knowledge, category or tag</source>
        <translation>规则须写明匹配条件：knowledge（知识点）、category（分类）或 tag（标签）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown field {field}; use {fields}</source>
        <translation>未知字段 {field}；可用字段：{fields}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lacks what a paper needs: {fields}; give them in the file&apos;s columns or in a mapping file (--map)</source>
        <translation>缺少组卷所需的信息：{fields}；请在文件的列中填写，或提供映射文件（--map）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the package unpacks to more than {files} files or {mb} MB</source>
        <translation>该压缩包解压后超过 {files} 个文件或 {mb} MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the old Excel format (.xls) is not read: save the workbook as .xlsx</source>
        <translation>不能读取旧版 Excel 格式（.xls）：请将工作簿另存为 .xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} skill task(s): only questions are exchanged with other formats</source>
        <translation>{count} 个技能考核项目：与其他格式只交换试题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} part(s) cannot be represented in ExamDesk: skip them explicitly (--skip-unsupported) to import the rest</source>
        <translation>有 {count} 处内容无法在 ExamDesk 中表示：明确选择跳过（--skip-unsupported）后才能导入其余内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no standard: name the standard the bank is for (--standard)</source>
        <translation>未指定职业标准：请指定题库所属的职业标准（--standard）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>difficulty {value} is not 1-5 or 易/中/难; a mapping file may name its own words (difficulty:)</source>
        <translation>难度 {value} 不是 1 至 5 或 易/中/难；可在映射文件中定义自己的难度用语（difficulty:）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a .zip package: {reason}</source>
        <translation>不是 .zip 压缩包：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be unpacked: {reason}</source>
        <translation>无法解压：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a positive number, got {value}</source>
        <translation>应为正数，实际为 {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no bank files (*.yaml, *.xlsx, *.xml, *.gift) found</source>
        <translation>未找到题库文件（*.yaml、*.xlsx、*.xml、*.gift）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not XML ExamDesk reads: {reason}</source>
        <translation>不是 ExamDesk 可读取的 XML：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a QTI item, QTI package or Moodle XML quiz (its root is &lt;{root}&gt;)</source>
        <translation>不是 QTI 试题、QTI 内容包或 Moodle XML 题库（根元素为 &lt;{root}&gt;）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>larger than {mb} MB</source>
        <translation>大于 {mb} MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it declares entities (&lt;!ENTITY ...&gt;), which are refused</source>
        <translation>文件声明了实体（&lt;!ENTITY ...&gt;），拒绝读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not well-formed XML: {reason}</source>
        <translation>XML 格式不正确：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not text in its declared encoding {encoding}: {reason}</source>
        <translation>不是所声明编码 {encoding} 的文本：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+817"/>
        <source>it gives partial credit that is neither all or nothing nor a share per correct option (with nothing for a wrong one)</source>
        <translation>其给分方式既不是全对才得分，也不是按所选正确选项比例得分（选错不得分）</translation>
    </message>
    <message>
        <location line="-812"/>
        <location line="+817"/>
        <source>a scored choice question with {count} choices (ExamDesk works out at most {most})</source>
        <translation>按映射计分的选择题有 {count} 个选项（ExamDesk 最多推算 {most} 个）</translation>
    </message>
    <message>
        <location line="-816"/>
        <location line="+817"/>
        <source>no response scores more than 0</source>
        <translation>任何作答都得不到 0 分以上</translation>
    </message>
    <message>
        <location line="-816"/>
        <source>the response processing template {name} is not one ExamDesk can honour (match_correct, map_response)</source>
        <translation>评分处理模板 {name} 不是 ExamDesk 能照办的模板（match_correct、map_response）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>template variables (templateDeclaration): ExamDesk cannot make the item&apos;s values up</source>
        <translation>含模板变量（templateDeclaration）：ExamDesk 无法生成试题中的数值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no itemBody: the item has no question</source>
        <translation>缺少 itemBody：试题没有题干</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{interactions} is not supported; ExamDesk has choiceInteraction, textEntryInteraction and extendedTextInteraction</source>
        <translation>不支持 {interactions}；ExamDesk 支持 choiceInteraction、textEntryInteraction 和 extendedTextInteraction</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no interaction: nothing for a candidate to answer</source>
        <translation>没有交互：考生无从作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} interactions in one item ({kinds}); ExamDesk has one question per item (several blanks are fine)</source>
        <translation>一道试题中有 {count} 个交互（{kinds}）；ExamDesk 每道试题只有一个问题（多个填空可以）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>empty: the question has no text</source>
        <translation>为空：题目没有文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a choice question needs two choices or more</source>
        <translation>选择题至少需要两个选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two choices have the same identifier</source>
        <translation>两个选项的标识相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a choice has no text</source>
        <translation>有选项没有文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two choices read the same</source>
        <translation>两个选项内容相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a choice response of cardinality {cardinality}</source>
        <translation>选择题作答的基数为 {cardinality}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an area mapping (areaMapping) belongs to a graphic interaction ExamDesk cannot show</source>
        <translation>区域映射（areaMapping）属于 ExamDesk 无法显示的图形交互</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a numeric answer with a tolerance ({mode} {tolerance}): ExamDesk compares answers as written</source>
        <translation>带容差的数值答案（{mode} {tolerance}）：ExamDesk 按原样比对答案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its own response processing uses {element}, which ExamDesk cannot honour</source>
        <translation>其自定义评分处理使用了 {element}，ExamDesk 无法照办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the interaction&apos;s response {response} has no responseDeclaration</source>
        <translation>交互的作答 {response} 没有 responseDeclaration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no correctResponse: the key is not stated</source>
        <translation>缺少 correctResponse：未给出正确答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the correctResponse names {value}, which is no choice</source>
        <translation>correctResponse 中的 {value} 不是任何选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a text entry of cardinality {cardinality}</source>
        <translation>填空作答的基数为 {cardinality}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the blank {blank} has no accepted answer</source>
        <translation>空 {blank} 没有可接受的答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its blanks are worth different points; ExamDesk gives each blank an equal share</source>
        <translation>各空分值不同；ExamDesk 每空平分分值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the manifest has no resources</source>
        <translation>清单（imsmanifest.xml）中没有资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its mapping ({mapping}; default {default}, bounds {lower}..{upper}): {why}</source>
        <translation>其映射（{mapping}；默认 {default}，范围 {lower}..{upper}）：{why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the source gives a share of the points per correct option chosen; ExamDesk does so only where the paper&apos;s blueprint sets proportional credit for multiple choice</source>
        <translation>源文件按所选正确选项比例给分；ExamDesk 仅在试卷蓝图为多选题设置按比例得分时如此</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its mapping gives some answers part of the points, or takes points off; ExamDesk gives a blank its share for an accepted answer, or nothing</source>
        <translation>其映射给某些答案部分分或扣分；ExamDesk 对可接受的答案给该空全部分值，否则不得分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the source compares {answer} with its letter case; ExamDesk accepts it in any case</source>
        <translation>源文件比对 {answer} 时区分大小写；ExamDesk 不区分大小写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an image from {src} is not loaded: only files of the package are kept</source>
        <translation>不加载来自 {src} 的图片：只保留包内的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the manifest&apos;s item resource is no assessmentItem</source>
        <translation>清单中的试题资源不是 assessmentItem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is no QTI item</source>
        <translation>{file} 不是 QTI 试题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the manifest names {file}, which is not in the package</source>
        <translation>清单列出的 {file} 不在包中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an answer&apos;s fraction must be a number, got {value}</source>
        <translation>答案的得分比例必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no questions in the Moodle XML file</source>
        <translation>Moodle XML 文件中没有试题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>defaultgrade must be a positive number, got {value}</source>
        <translation>defaultgrade 必须是正数，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>defaultgrade must be a number, got {value}</source>
        <translation>defaultgrade 必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a choice question needs two answers or more, each with its own text</source>
        <translation>选择题至少需要两个答案，且各有不同的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a wrong answer takes points off; ExamDesk gives a wrong answer nothing</source>
        <translation>答错扣分；ExamDesk 对答错不给分也不扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a cloze blank of kind {kind}; ExamDesk reads SHORTANSWER blanks only</source>
        <translation>完形填空的空类型为 {kind}；ExamDesk 只读取 SHORTANSWER 空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a cloze blank has no accepted answer</source>
        <translation>完形填空的某空没有可接受的答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the question type {type} is not supported; ExamDesk reads {types}</source>
        <translation>不支持题型 {type}；ExamDesk 可读取 {types}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its fractions ({fractions}): {why}</source>
        <translation>其得分比例（{fractions}）：{why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a true/false question needs one answer, true or false, worth 100%</source>
        <translation>判断题需要一个得分为 100% 的答案（true 或 false）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the embedded file {file} is not base64</source>
        <translation>内嵌文件 {file} 不是 base64 编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a numeric answer with units: ExamDesk compares answers as written</source>
        <translation>带单位的数值答案：ExamDesk 按原样比对答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an answer worth {percent}%; ExamDesk accepts an answer for the whole blank or not at all</source>
        <translation>某答案得分 {percent}%；ExamDesk 对一个空的答案只有全对或不得分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a numeric answer with a tolerance (±{tolerance}): ExamDesk compares answers as written</source>
        <translation>带容差的数值答案（±{tolerance}）：ExamDesk 按原样比对答案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an accepted answer with a wildcard (*) or none</source>
        <translation>可接受的答案含通配符（*）或为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no accepted answer (one worth 100%)</source>
        <translation>没有可接受的答案（得分 100% 的答案）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a cloze question without blanks</source>
        <translation>完形填空题没有空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a cloze answer worth part of the blank; ExamDesk accepts an answer for the whole blank or not at all</source>
        <translation>完形填空的某答案只得该空部分分；ExamDesk 对一个空的答案只有全对或不得分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a description without answers (no braces): not a question</source>
        <translation>没有答案的说明文字（无花括号）：不是试题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the answers&apos; opening brace has no closing one</source>
        <translation>答案的左花括号没有对应的右花括号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a matching question (a -&gt; b); ExamDesk has no matching questions</source>
        <translation>匹配题（a -&gt; b）；ExamDesk 没有匹配题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each answer needs its own text</source>
        <translation>每个答案都需要各自不同的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answers start with = (right) or ~ (wrong)</source>
        <translation>答案以 =（正确）或 ~（错误）开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a fill-in question with {count} blanks cannot be written in GIFT (one blank per question)</source>
        <translation>有 {count} 个空的填空题无法写成 GIFT（每题只能有一个空）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no questions in the GIFT file</source>
        <translation>GIFT 文件中没有试题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an answer worth part of the points; ExamDesk accepts an answer for the whole blank or not at all</source>
        <translation>某答案只得部分分；ExamDesk 对一个空的答案只有全对或不得分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its weights ({weights}): {why}</source>
        <translation>其权重（{weights}）：{why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a numeric answer worth part of the points</source>
        <translation>数值答案只得部分分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a numeric range ({range}): ExamDesk compares answers as written</source>
        <translation>数值范围（{range}）：ExamDesk 按原样比对答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a numeric answer must be a number, got {value}</source>
        <translation>数值答案必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a weight must be a number, got {value}</source>
        <translation>权重必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{source}: the {paper_part} part lasts at least {minimum} minutes, this session has {minutes}</source>
        <translation>{source}：{paper_part}时间不少于 {minimum} 分钟，本场次为 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source}: the comprehensive review takes at least {per} minutes per candidate: {count} candidate(s) need {needed}, this session has {minutes}</source>
        <translation>{source}：综合评审每名考生不少于 {per} 分钟，{count} 名考生共需 {needed} 分钟，本场次为 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source}: level {level} ({name}) has no comprehensive review</source>
        <translation>{source}：等级 {level}（{name}）不进行综合评审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: a theory room has at least {least} proctors (under full electronic surveillance), this session has {actual}</source>
        <translation>{source}：理论知识考试每个考场不少于 {least} 名监考人员（已实行全方位电子监控），本场次为 {actual} 名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source}: a theory room has at least {least} proctors and 1 per {per} candidates: {candidates} candidates need {needed}, this session has {actual}</source>
        <translation>{source}：理论知识考试每个考场不少于 {least} 名监考人员，且每 {per} 名考生 1 名：{candidates} 名考生需要 {needed} 名，本场次为 {actual} 名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source}: skill examiners are at least {least}, an odd number, and 1 per {per} candidates: {candidates} candidates need {needed}, this session has {actual}</source>
        <translation>{source}：技能考核考评人员为 {least} 人（含）以上单数，且每 {per} 名考生 1 名：{candidates} 名考生需要 {needed} 名，本场次为 {actual} 名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source}: skill examiners are at least {least} and 1 per {per} candidates: {candidates} candidates need {needed}, this session has {actual}</source>
        <translation>{source}：技能考核考评人员不少于 {least} 人，且每 {per} 名考生 1 名：{candidates} 名考生需要 {needed} 名，本场次为 {actual} 名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{source}: the number of skill examiners must be odd, this session has {actual}</source>
        <translation>{source}：技能考核考评人员须为单数，本场次为 {actual} 名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: a review panel has at least {least} members, this session has {actual}</source>
        <translation>{source}：综合评审委员不少于 {least} 人，本场次为 {actual} 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: the number of review panel members must be odd, this session has {actual}</source>
        <translation>{source}：综合评审委员须为单数，本场次为 {actual} 人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the skill tasks drawn for {count} of {total} candidate(s) suggest up to {needed} minutes ({tasks}), this session has {minutes}</source>
        <translation>{total} 名考生中有 {count} 名抽到的技能考核任务建议用时最多 {needed} 分钟（{tasks}），本场次为 {minutes} 分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>session {code} is scheduled for {date}, not today ({today})</source>
        <translation>场次 {code} 安排在 {date}，不是今天（{today}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is scheduled to start at {time}, {minutes} minutes from now: confirm to start it early</source>
        <translation>场次 {code} 安排在 {time} 开始，距现在还有 {minutes} 分钟：提前开考须经确认</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown part {part}; use theory, skill or review</source>
        <translation>未知的考核部分 {part}；应为 theory、skill 或 review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the start {start} is not a date and time like 2026-12-05T09:00</source>
        <translation>开始时间 {start} 不是形如 2026-12-05T09:00 的日期和时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reason is required to record electronic surveillance</source>
        <translation>记录电子监控须填写说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>electronic surveillance relaxes only a theory room&apos;s proctor ratio</source>
        <translation>电子监控只适用于降低理论知识考试考场的监考人员比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: the standard does not lower the proctor ratio for electronic surveillance</source>
        <translation>{source}：本标准未规定实行电子监控的考场可降低监考人员比例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>written answers are scored by at least {least} examiners, this session has {actual}</source>
        <translation>主观题须由不少于 {least} 名考评员评分，本场次为 {actual} 名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{scored} of {needed} review panel members have scored</source>
        <translation>{needed} 名综合评审委员中已有 {scored} 名评分</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>you are not a proctor of session {code}</source>
        <translation>您不是场次 {code} 的监考员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you are not an examiner of session {code}</source>
        <translation>您不是场次 {code} 的考评员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you are not the chief examiner of session {code}</source>
        <translation>您不是场次 {code} 的主考评员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you are not on the review panel of session {code}</source>
        <translation>您不是场次 {code} 综合评审组的成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you have no duty in session {code} that allows this (needs {duties})</source>
        <translation>您在场次 {code} 中没有可执行此操作的职责（需要 {duties}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session {code} is {state}: answer keys are read only after it closes</source>
        <translation>场次 {code} 的状态为 {state}：场次结束后才能查看标准答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no attempt {attempt} in session {code}</source>
        <translation>场次 {code} 中没有作答记录 {attempt}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no candidate {candidate} in session {code}</source>
        <translation>场次 {code} 中没有考生 {candidate}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>standard {code} edition {edition} is already in use; a revision needs a new edition</source>
        <translation>标准 {code} 的 {edition} 版已在使用中；修订后的标准须使用新的版本号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>standard {code} is in more than one of these files</source>
        <translation>标准 {code} 出现在所选的多个文件中</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>not a question bank (examdesk-bank/1); a standard is imported with Import standard</source>
        <translation>不是题库文件（examdesk-bank/1）；职业标准请用“导入标准”导入</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{standard} has no subtype {subtype}; subtypes: {known}</source>
        <translation>{standard} 没有工种 {subtype}；可选工种：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{standard} has no level {level}; levels: {known}</source>
        <translation>{standard} 没有等级 {level}；可选等级：{known}</translation>
    </message>
</context>
</TS>
