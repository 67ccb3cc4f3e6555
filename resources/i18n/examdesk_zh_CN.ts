<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>StandardsWindow</name>
    <message>
        <location filename="../../app/ui/main.py" line="51" />
        <source>ExamDesk — vocational skill assessment</source>
        <translation>ExamDesk 职业技能等级认定考试系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="55" />
        <source>Standards and levels</source>
        <translation>职业标准与等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="70" />
        <source>Area (职业功能)</source>
        <translation>职业功能</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="70" />
        <source>Theory %</source>
        <translation>理论知识（%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="70" />
        <source>Skill %</source>
        <translation>技能要求（%）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="77" />
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="79" />
        <source>Build theory paper</source>
        <translation>生成理论试卷</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="86" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="86" />
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="86" />
        <source>Area</source>
        <translation>职业功能</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="86" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="86" />
        <source>Question</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="95" />
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="107" />
        <source>Weight tables</source>
        <translation>权重表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="108" />
        <source>Paper</source>
        <translation>组卷预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="123" />
        <source>ExamDesk {version} — {count} standards loaded</source>
        <translation>ExamDesk {version} — 已加载 {count} 个职业标准</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="159" />
        <source>{part}: at least {minutes} min</source>
        <translation>{part}不少于 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="165" />
        <source>This level also requires a comprehensive review.</source>
        <translation>本等级还须参加综合评审。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="168" />
        <source>This standard has no official weight table; the exam owner supplies one.</source>
        <translation>本标准未发布官方权重表，须由考核评价机构提供。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="170" />
        <source>Pass mark {mark} for each part.</source>
        <translation>各部分成绩均达 {mark} 分（含）以上为合格。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="178" />
        <source>Theory exam</source>
        <translation>理论知识考试</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="179" />
        <source>Skill assessment</source>
        <translation>技能考核</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="180" />
        <source>Comprehensive review</source>
        <translation>综合评审</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="195" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../app/ui/main.py" line="227" />
        <source>{count} questions, {points} points, mean difficulty {difficulty:.2f}</source>
        <translation>共 {count} 题，{points} 分，平均难度 {difficulty:.2f}</translation>
    </message>
</context>
</TS>