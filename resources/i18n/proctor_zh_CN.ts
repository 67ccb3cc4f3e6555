<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CandidateActions</name>
    <message>
        <location filename="../../app/ui/proctor/candidate_actions.py" line="+21"/>
        <source>&amp;Check in…</source>
        <translation>签到(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare the candidate with the photo and ID card, and seat them</source>
        <translation>核对考生本人、照片与身份证后签到入座</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pause…</source>
        <translation>暂停(&amp;P)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause this candidate&apos;s clock</source>
        <translation>暂停该考生的考试计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume…</source>
        <translation>继续(&amp;R)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Let this candidate continue</source>
        <translation>让该考生继续作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra &amp;time…</source>
        <translation>延时(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra time in minutes or as a percentage of the session</source>
        <translation>按分钟或按考试时长的百分比延长时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Force submit…</source>
        <translation>强制交卷(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit this candidate&apos;s paper now (a reason is required)</source>
        <translation>立即收取该考生的试卷（须填写原因）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ter&amp;minate…</source>
        <translation>违纪终止(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End this candidate&apos;s exam for misconduct</source>
        <translation>因违纪终止该考生的考试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mo&amp;ve…</source>
        <translation>换机(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A one-time code to continue on another station</source>
        <translation>生成一次性换机码，让考生到另一台考试机继续作答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note incident…</source>
        <translation>记录事件(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record an incident concerning this candidate</source>
        <translation>记录与该考生有关的考场事件</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{name} ({ticket})</source>
        <translation>{name}（{ticket}）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{who} checked in at {station}.</source>
        <translation>{who} 已签到，座位 {station}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pause {who}</source>
        <translation>暂停 {who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this candidate&apos;s exam paused?</source>
        <translation>暂停该考生考试的原因：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{who} is paused.</source>
        <translation>{who} 已暂停。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resume {who}</source>
        <translation>继续 {who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note for the record (optional):</source>
        <translation>备注（可不填）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{who} continues.</source>
        <translation>{who} 已继续作答。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Extra time</source>
        <translation>延时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A reason is required for extra time: nothing was done.</source>
        <translation>延时必须填写原因，本次未作任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extra time given to {who}.</source>
        <translation>已为 {who} 延时。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Force submit {who}</source>
        <translation>强制交卷：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this paper submitted by the proctor?</source>
        <translation>由监考员强制交卷的原因：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit the paper of {who} now? The candidate cannot answer any more.</source>
        <translation>确定立即收取 {who} 的试卷吗？交卷后考生将无法继续作答。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The paper of {who} is submitted.</source>
        <translation>{who} 的试卷已强制交卷。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Terminate {who}</source>
        <translation>违纪终止：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What misconduct was observed, and who confirmed it?</source>
        <translation>违纪情况及确认的监考员：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the exam of {who} for misconduct? This is recorded and cannot be undone.</source>
        <translation>确定因违纪终止 {who} 的考试吗？此操作将记录在案且无法撤销。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The exam of {who} was terminated.</source>
        <translation>{who} 的考试已因违纪终止。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allow move {who}</source>
        <translation>允许换机：{who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the candidate move to another station?</source>
        <translation>考生更换考试机的原因：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{who} may now log in on another station with the move code.</source>
        <translation>{who} 现在可以凭换机码在另一台考试机上登录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Failed logins of ticket {ticket} at {station} cleared.</source>
        <translation>已清除准考证号 {ticket} 在 {station} 的登录失败记录。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Incident recorded.</source>
        <translation>考场事件已记录。</translation>
    </message>
</context>
<context>
    <name>CandidateGridModel</name>
    <message>
        <location filename="../../app/ui/proctor/grid_model.py" line="+57"/>
        <source>Ticket no.</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>座位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>已答/总题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last save</source>
        <translation>上次保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left window</source>
        <translation>切屏次数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Questions answered / questions to answer by typing; live N: observed or oral tasks, performed in front of the examiners (nothing typed, never unanswered)</source>
        <translation>已答题数 / 需作答（录入）的题数；现场 N：现场操作或现场问答题，在考评员面前完成（无需录入，不计为未答）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questions the candidate flagged for review</source>
        <translation>考生标记待检查的题数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remaining exam time (minutes:seconds), from the time ledger</source>
        <translation>剩余考试时间（分:秒），以计时账本为准</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seconds since the candidate&apos;s last saved answer</source>
        <translation>距考生上次保存答案的秒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times the exam window lost focus</source>
        <translation>考试窗口失去焦点（切屏）的次数</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>{seconds} s ago</source>
        <translation>{seconds} 秒前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{station} · silent {age}</source>
        <translation>{station} 失联 {age}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{answered}/{total} · live {live}</source>
        <translation>{answered}/{total} · 现场 {live}</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Nothing heard from this station for {age} (it reports every 15 s while the candidate answers). The candidate&apos;s time keeps running: look at the PC; pause their time or move them to another PC.</source>
        <translation>已有 {age} 未收到这台考试机的消息（考生作答时它每 15 秒报告一次）。考生的时间仍在计算：请到机位查看；暂停该考生的计时，或让其换机续考。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{answered} of {total} typed question(s) answered; {live} observed or oral task(s), performed in front of the examiners (nothing is typed for them)</source>
        <translation>需录入的 {total} 题中已答 {answered} 题；另有 {live} 道现场操作或现场问答题，在考评员面前完成（无需录入）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The exam window lost focus {count} time(s)</source>
        <translation>考试窗口已失去焦点 {count} 次</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../app/ui/proctor/dialogs.py" line="+140"/>
        <source>Check in {name}</source>
        <translation>签到：{name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket no.:</source>
        <translation>准考证号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session:</source>
        <translation>场次：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. PC-07</source>
        <translation>例如 PC-07</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Station:</source>
        <translation>座位/机号(&amp;S)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check that the person, the photo and the ID card match before checking in.</source>
        <translation>请核对考生本人、报名照片与身份证一致后再签到。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity matches: check in</source>
        <translation>身份核验一致，签到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ExtraTimeDialog</name>
    <message>
        <location line="+22"/>
        <source>Extra time</source>
        <translation>延时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra time for {who}</source>
        <translation>为 {who} 延时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In &amp;minutes:</source>
        <translation>按分钟(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As a &amp;percentage of the {minutes}-minute session:</source>
        <translation>按考试时长 {minutes} 分钟的百分比(&amp;P)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Required, e.g. approved accommodation, computer froze</source>
        <translation>必填，例如：经批准的合理便利、考试机死机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give extra time</source>
        <translation>确认延时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Adds {duration}.</source>
        <translation>将增加 {duration}。</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location line="+9"/>
        <source>Record incident</source>
        <translation>记录考场事件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What happened, when, and what was done about it</source>
        <translation>发生了什么、何时发生、如何处理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Concerning:</source>
        <translation>涉及：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Description:</source>
        <translation>情况说明(&amp;D)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>IncidentLogDialog</name>
    <message>
        <location line="+24"/>
        <source>Incident log</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket no.</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} incident(s) recorded. Times are this computer&apos;s local time.</source>
        <translation>共记录 {count} 条事件。时间均为本机时间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LoginAlerts</name>
    <message>
        <location filename="../../app/ui/proctor/alerts.py" line="+18"/>
        <source>Failed candidate logins</source>
        <translation>考生登录失败</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have checked who is at that station: the failures no longer slow the next login</source>
        <translation>您已核实该考试机前的考生：这些失败不再延缓下次登录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ticket {ticket} at station {station}: {count} failed login(s), last at {time}</source>
        <translation>准考证号 {ticket} 在考试机 {station}：登录失败 {count} 次，最近一次 {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>next login waits {seconds} s</source>
        <translation>下次登录需等待 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>MoveCodeDialog</name>
    <message>
        <location filename="../../app/ui/proctor/dialogs.py" line="-221"/>
        <source>Move code for {who}</source>
        <translation>{who} 的换机码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The candidate types this code at the new station&apos;s login, with ticket and ID number. It is valid for {minutes} minutes and once.</source>
        <translation>考生在新考试机的登录页输入此码及准考证号、身份证号。此码 {minutes} 分钟内有效，只能使用一次。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>PhotoFrame</name>
    <message>
        <location line="+30"/>
        <source>No photo on file:
check the ID card carefully</source>
        <translation>无报名照片：
请仔细核对身份证</translation>
    </message>
</context>
<context>
    <name>ProctorActions</name>
    <message>
        <location filename="../../app/ui/proctor/actions_base.py" line="+25"/>
        <source>A reason is required for this action: nothing was done.</source>
        <translation>此操作必须填写原因，本次未作任何更改。</translation>
    </message>
</context>
<context>
    <name>ProctorConsole</name>
    <message>
        <location filename="../../app/ui/proctor/console.py" line="+103"/>
        <source>Proctor console</source>
        <translation>监考端</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ticket no., name, station or state</source>
        <translation>准考证号、姓名、座位或状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Searc&amp;h:</source>
        <translation>查找(&amp;H)：</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Selected candidate</source>
        <translation>选中的考生</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The centre&apos;s standby server does not answer: the centre holds every save until the admin lets it go on without the standby (Stations tab, or &apos;examdesk centre standby detach&apos;). Candidates answer on; each PC keeps its answers meanwhile.</source>
        <translation>考点的备用服务器无响应：考点暂缓所有保存，直到管理员选择不用备用服务器继续（“考试机”页，或 &apos;examdesk centre standby detach&apos;）。考生可继续作答，期间答案保存在各考试机上。</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Live refresh stopped. Press F5 to try again.</source>
        <translation>实时刷新已停止，按 F5 重试。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refreshed.</source>
        <translation>已刷新。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Select a candidate in the grid to act on them.</source>
        <translation>请在列表中选中一名考生后再操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · ticket {ticket} · station {station} · {state}</source>
        <translation>{name} · 准考证号 {ticket} · 座位 {station} · {state}</translation>
    </message>
</context>
<context>
    <name>ProctorLabels</name>
    <message>
        <location filename="../../app/ui/proctor/labels.py" line="+22"/>
        <source>Technical: computer froze</source>
        <translation>技术故障：考试机死机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical: power failure</source>
        <translation>技术故障：断电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical: network failure</source>
        <translation>技术故障：网络中断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment: noise</source>
        <translation>考场环境：噪音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment: disturbance</source>
        <translation>考场环境：外界干扰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate taken ill</source>
        <translation>考生突发疾病</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misconduct</source>
        <translation>违纪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>申诉/投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clock: paused</source>
        <translation>计时：暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock: resumed</source>
        <translation>计时：恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock: extra time</source>
        <translation>计时：延长时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper submitted by the proctor</source>
        <translation>监考员代为交卷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved to another station</source>
        <translation>换机续考</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <location filename="../../app/ui/proctor/readiness_panel.py" line="+24"/>
        <source>Seat readiness</source>
        <translation>机位就绪情况</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Seat</source>
        <translation>机位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candidates</source>
        <translation>考生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+39"/>
        <source>Hide seats</source>
        <translation>收起机位</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{ready} ready, {warning} with warnings, {not_ready} not ready, {silent} not reported</source>
        <translation>就绪 {ready} 台，警告 {warning} 台，未就绪 {not_ready} 台，未上报 {silent} 台</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show seats</source>
        <translation>展开机位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seat readiness could not be read: {error}</source>
        <translation>无法读取机位就绪情况：{error}</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <location filename="../../app/ui/proctor/results_dialog.py" line="+21"/>
        <source>Results of session {code}</source>
        <translation>场次 {code} 成绩汇总</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} candidates: {submitted} submitted, {terminated} terminated, {absent} absent. Results: {passed} passed, {failed} failed, {pending} pending (parts still to be scored or sat).</source>
        <translation>共 {count} 名考生：已交卷 {submitted} 人，违纪终止 {terminated} 人，缺考 {absent} 人。结果：合格 {passed} 人，不合格 {failed} 人，待定 {pending} 人（尚有科目待评分或待考）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ticket no.</source>
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
        <translation>考试情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <location filename="../../app/ui/proctor/session_actions.py" line="+23"/>
        <source>&amp;Start all</source>
        <translation>全部开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the exam clock for every candidate of the session</source>
        <translation>为本场全部考生开始考试计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;use all</source>
        <translation>全部暂停(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the clock for the whole room (a reason is required)</source>
        <translation>暂停全场考试计时（须填写原因）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume a&amp;ll</source>
        <translation>全部继续(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let the whole room continue</source>
        <translation>全场继续考试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtend all</source>
        <translation>全场延时(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra time for every candidate of the session</source>
        <translation>为本场全部考生延长考试时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;incident</source>
        <translation>记录事件(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an entry to the session&apos;s incident record</source>
        <translation>在本场考场记录中添加一条事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident lo&amp;g</source>
        <translation>事件记录(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every incident recorded in this session</source>
        <translation>查看本场次记录的全部事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;journal…</source>
        <translation>导入本机记录(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring in the answers a dead PC kept: the sealed file &apos;examdesk station export-journal&apos; wrote from its disk</source>
        <translation>导入故障考试机保存的作答：即用“examdesk station export-journal”从其硬盘导出的加密文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cl&amp;ose session</source>
        <translation>关闭场次(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Close the session once every paper is submitted or terminated</source>
        <translation>全部考生交卷或终止后关闭本场次</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Sign-in sh&amp;eet…</source>
        <translation>签到表(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the sign-in sheet to print: candidates with photos, seats and a column to sign</source>
        <translation>保存签到表以便打印：考生照片、座位及签名栏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room recor&amp;d…</source>
        <translation>考场记录(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the room record to print and sign, once the session is closed</source>
        <translation>场次结束后，保存考场记录以便打印签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the grid now (F5)</source>
        <translation>立即刷新考生列表（F5）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{count} paper(s) still open: submit or terminate them first</source>
        <translation>仍有 {count} 份试卷未交，请先交卷或终止</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>It is scheduled for {time}, {minutes} minutes from now: start it early?</source>
        <translation>本场次安排在 {time} 开始，距现在还有 {minutes} 分钟：确定提前开考吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start all</source>
        <translation>全部开始</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Import a dead PC&apos;s journal</source>
        <translation>导入故障考试机的本机记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station journal (*.journal);;All files (*)</source>
        <translation>考试机本机记录 (*.journal);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{file} cannot be read: {error}. Nothing was imported.</source>
        <translation>无法读取 {file}：{error}。未导入任何内容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{file}: {applied} step(s) applied, {duplicates} the centre held already, {refused} refused (a newer answer from another PC, an unreadable answer, or after the paper was handed in).</source>
        <translation>{file}：已导入 {applied} 步，{duplicates} 步考点服务器已有，{refused} 步未采用（另一台考试机上有更新的作答、作答无法读取，或在交卷之后）。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Save sign-in sheet</source>
        <translation>保存签到表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code}-sign-in-sheet.pdf</source>
        <translation>{code}-签到表.pdf</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>Saved {file}: print it for the proctors to sign.</source>
        <translation>已保存 {file}：请打印后由监考员签字。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>and {count} more</source>
        <translation>另有 {count} 人</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Start the exam clock of session {code} for all {count} candidates now?</source>
        <translation>现在为场次 {code} 的全部 {count} 名考生开始考试计时吗？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Session {code} started.</source>
        <translation>场次 {code} 已开考。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pause all</source>
        <translation>全部暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is the whole room paused?</source>
        <translation>全场暂停的原因：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole room is paused.</source>
        <translation>全场已暂停。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume all</source>
        <translation>全部继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note for the record (optional):</source>
        <translation>备注（可不填）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The whole room continues.</source>
        <translation>全场已继续考试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>all candidates of session {code}</source>
        <translation>场次 {code} 的全部考生</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extend all</source>
        <translation>全场延时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A reason is required for extra time: nothing was done.</source>
        <translation>延时必须填写原因，本次未作任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extra time given to the whole room.</source>
        <translation>已为全场延时。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the whole session {code}</source>
        <translation>整个场次 {code}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident recorded.</source>
        <translation>考场事件已记录。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{count} paper(s) are not finished: {names}. Submit or terminate them before closing. Go to {first} now?</source>
        <translation>还有 {count} 份试卷未结束：{names}。请先为其交卷或终止考试，再结束场次。现在转到{first}吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close session {code}? No candidate can answer in it afterwards.</source>
        <translation>确定关闭场次 {code} 吗？关闭后任何考生都不能再作答。</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+8"/>
        <source>Close session</source>
        <translation>关闭场次</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Absent: {names}.</source>
        <translation>缺考：{names}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Session {code} is closed.</source>
        <translation>场次 {code} 已关闭。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{count} candidate(s) never logged in: they will be recorded as absent.</source>
        <translation>{count} 名考生未登录，将记为缺考。</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>{count} candidate(s) have not checked in: if they come late, their time still runs from now.</source>
        <translation>{count} 名考生尚未签到：迟到考生的考试时间同样从现在起计算。</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <location filename="../../app/ui/proctor/header.py" line="+74"/>
        <source>Session {id}</source>
        <translation>场次 {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This session is not among the sessions you are assigned to.</source>
        <translation>您未被安排监考此场次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} · {room}</source>
        <translation>{code} · {room}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{standard} · {part} · {minutes} minutes · scheduled {start}</source>
        <translation>{standard} · {part} · {minutes} 分钟 · 开考时间 {start}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled by the admin: {reason}</source>
        <translation>管理员已取消本场次：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{state} {count}</source>
        <translation>{state} {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} candidates: {states}</source>
        <translation>考生 {count} 人：{states}</translation>
    </message>
</context>
<context>
    <name>SessionPicker</name>
    <message>
        <location filename="../../app/ui/proctor/picker.py" line="+30"/>
        <source>My sessions</source>
        <translation>我的监考场次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a session to check candidates in and watch the room.</source>
        <translation>打开场次后即可为考生签到并监控考场。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Standard and level</source>
        <translation>职业标准与等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part</source>
        <translation>科目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled</source>
        <translation>开考时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candidates</source>
        <translation>考生人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open console</source>
        <translation>打开监考台(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
</context>
</TS>
