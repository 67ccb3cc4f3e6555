"""Question files of other tools, for the QTI, Moodle XML and GIFT readers' tests.

Every file here is hand-made (no network to fetch the tools' own fixtures), written after the
published specifications and laid out the way the tools write them; each names its spec section.
Licence: written for ExamDesk, under the project's own licence.
"""

from __future__ import annotations

import io
import zipfile

# IMS QTI 2.1 Final (imsqti_v2p1), Implementation Guide "Simple choice" (choice.xml, the luggage sign):
# responseDeclaration with correctResponse, the match_correct template, an image in the body.
QTI21_CHOICE = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
    identifier="choice" title="Unattended Luggage" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>ChoiceA</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">
    <defaultValue><value>0</value></defaultValue>
  </outcomeDeclaration>
  <itemBody>
    <p>Look at the text in the picture.</p>
    <p><img src="images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED"/></p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <prompt>What does it say?</prompt>
      <simpleChoice identifier="ChoiceA">You must stay with your luggage at all times.</simpleChoice>
      <simpleChoice identifier="ChoiceB">Do not let someone else look after your luggage.</simpleChoice>
      <simpleChoice identifier="ChoiceC">Remember your luggage when you leave.</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
</assessmentItem>
"""

# QTI 2.1, Implementation Guide "Multiple choice" (choice_multiple.xml): a mapping with lower and upper
# bounds and negative entries, the map_response template.
QTI21_MAPPED = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="choiceMultiple"
    title="Composition of Water" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
    <correctResponse><value>H</value><value>O</value></correctResponse>
    <mapping lowerBound="0" upperBound="2" defaultValue="-2">
      <mapEntry mapKey="H" mappedValue="1"/>
      <mapEntry mapKey="O" mappedValue="1"/>
      <mapEntry mapKey="Cl" mappedValue="-1"/>
    </mapping>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="0">
      <prompt>Which of the following elements are used to form water?</prompt>
      <simpleChoice identifier="H" fixed="false">Hydrogen</simpleChoice>
      <simpleChoice identifier="He" fixed="false">Helium</simpleChoice>
      <simpleChoice identifier="C" fixed="false">Carbon</simpleChoice>
      <simpleChoice identifier="O" fixed="false">Oxygen</simpleChoice>
      <simpleChoice identifier="N" fixed="false">Nitrogen</simpleChoice>
      <simpleChoice identifier="Cl" fixed="false">Chlorine</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
</assessmentItem>
"""

# QTI 2.1 section 5.1 (mapping): a choice worth -1 and a clamp at 0, one right choice worth 2
QTI21_SINGLE_MAPPED = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="penalty" title="Penalty"
    adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <mapping lowerBound="0" defaultValue="0">
      <mapEntry mapKey="A" mappedValue="2"/>
      <mapEntry mapKey="B" mappedValue="-1"/>
    </mapping>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <p>消防安全标志中，表示“禁止”的颜色是（　）。</p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
      <simpleChoice identifier="A">红色</simpleChoice>
      <simpleChoice identifier="B">黄色</simpleChoice>
      <simpleChoice identifier="C">绿色</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
</assessmentItem>
"""

# QTI 3.0 ASI (imsqtiasi_v3p0), Best Practice "Text Entry" with two blanks, mapped answers with case
# sensitivity declared; saved in GBK (a declared encoding other than UTF-8).
QTI30_BLANKS = """<?xml version="1.0" encoding="GBK"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="item-1"
    title="填空" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="R1" cardinality="single" base-type="string">
    <qti-correct-response><qti-value>北京</qti-value></qti-correct-response>
    <qti-mapping default-value="0">
      <qti-map-entry map-key="北京" mapped-value="1" case-sensitive="false"/>
      <qti-map-entry map-key="北京市" mapped-value="1" case-sensitive="false"/>
    </qti-mapping>
  </qti-response-declaration>
  <qti-response-declaration identifier="R2" cardinality="single" base-type="string">
    <qti-correct-response><qti-value>Yangtze</qti-value></qti-correct-response>
    <qti-mapping default-value="0">
      <qti-map-entry map-key="Yangtze" mapped-value="1" case-sensitive="true"/>
    </qti-mapping>
  </qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-item-body>
    <p>中国的首都是<qti-text-entry-interaction response-identifier="R1"/>，最长的河流是
    <qti-text-entry-interaction response-identifier="R2" expected-length="10"/>。</p>
  </qti-item-body>
  <qti-response-processing>
    <qti-set-outcome-value identifier="SCORE">
      <qti-sum><qti-map-response identifier="R1"/><qti-map-response identifier="R2"/></qti-sum>
    </qti-set-outcome-value>
  </qti-response-processing>
</qti-assessment-item>
"""

# QTI 3.0 ASI, Best Practice "Extended Text": an essay scored by examiners, its maximum in MAXSCORE;
# the same identifier as QTI30_BLANKS, in another file of the package (kept apart by resource)
QTI30_ESSAY = """<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="item-1" title="论述"
    adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-outcome-declaration identifier="MAXSCORE" cardinality="single" base-type="float">
    <qti-default-value><qti-value>20</qti-value></qti-default-value>
  </qti-outcome-declaration>
  <qti-item-body>
    <div><p>结合案例，论述职业指导中<strong>个体差异</strong>原则的应用。</p></div>
    <qti-extended-text-interaction response-identifier="RESPONSE" expected-lines="20"/>
  </qti-item-body>
</qti-assessment-item>
"""

# QTI 3.0: a graphic interaction (hotspot), which ExamDesk cannot show
QTI30_HOTSPOT = """<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="hotspot" title="Hotspot"
    adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-item-body>
    <qti-hotspot-interaction response-identifier="RESPONSE" max-choices="1">
      <img src="../images/uk.png" alt="UK"/>
      <qti-hotspot-choice identifier="A" shape="circle" coords="77,115,8"/>
    </qti-hotspot-interaction>
  </qti-item-body>
</qti-assessment-item>
"""

# QTI 2.1 section 6 (templates): template variables ExamDesk cannot make up
QTI21_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="template" title="Template"
    adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer"/>
  <templateDeclaration identifier="A" cardinality="single" baseType="integer" mathVariable="true"/>
  <itemBody><p>Add <printedVariable identifier="A"/> and 1:</p>
    <p><textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
</assessmentItem>
"""

# QTI 2.1 section 5.2 (equal with toleranceMode): a numeric answer with a tolerance
QTI21_TOLERANCE = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="pi" title="Pi" adaptive="false"
    timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">
    <correctResponse><value>3.14</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody><p>π to two places: <textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
  <responseProcessing>
    <responseCondition><responseIf>
      <equal toleranceMode="absolute" tolerance="0.01 0.01"><variable identifier="RESPONSE"/>
        <correct identifier="RESPONSE"/></equal>
      <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
    </responseIf></responseCondition>
  </responseProcessing>
</assessmentItem>
"""

# QTI 3.0 Content Packaging (imsqtiv3p0_imscpv1p2): a manifest with a prefixed namespace, a test with
# parts and sections, item files in sub-folders, ./ in references
QTI30_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<imscp:manifest xmlns:imscp="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1" identifier="PKG-1">
  <imscp:metadata><imscp:schema>QTI Package</imscp:schema><imscp:schemaversion>3.0.0</imscp:schemaversion>
  </imscp:metadata>
  <imscp:organizations/>
  <imscp:resources>
    <imscp:resource identifier="TEST" type="imsqti_test_xmlv3p0" href="./tests/test.xml">
      <imscp:file href="tests/test.xml"/>
    </imscp:resource>
    <imscp:resource identifier="RES-BLANKS" type="imsqti_item_xmlv3p0" href="./items/a/item.xml">
      <imscp:file href="items/a/item.xml"/>
    </imscp:resource>
    <imscp:resource identifier="RES-ESSAY" type="imsqti_item_xmlv3p0" href="items/b/item.xml">
      <imscp:file href="items/b/item.xml"/>
    </imscp:resource>
    <imscp:resource identifier="RES-HOTSPOT" type="imsqti_item_xmlv3p0" href="items/hotspot.xml">
      <imscp:file href="items/hotspot.xml"/>
    </imscp:resource>
  </imscp:resources>
</imscp:manifest>
"""

QTI30_TEST = """<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-test xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="T" title="期末">
  <qti-test-part identifier="P1" title="第一部分" navigation-mode="linear" submission-mode="individual">
    <qti-assessment-section identifier="S1" title="填空" visible="true">
      <qti-assessment-item-ref identifier="i1" href="../items/a/item.xml"/>
    </qti-assessment-section>
    <qti-assessment-section identifier="S2" title="论述" visible="true">
      <qti-assessment-item-ref identifier="i2" href="../items/b/item.xml"/>
    </qti-assessment-section>
  </qti-test-part>
</qti-assessment-test>
"""


def qti30_package() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("imsmanifest.xml", QTI30_MANIFEST)
        z.writestr("tests/test.xml", QTI30_TEST)
        z.writestr("items/a/item.xml", QTI30_BLANKS.encode("gbk"))
        z.writestr("items/b/item.xml", QTI30_ESSAY)
        z.writestr("items/hotspot.xml", QTI30_HOTSPOT)
    return buffer.getvalue()


# Moodle XML format (docs.moodle.org/en/Moodle_XML_format), as Moodle 4.x exports a category:
# multichoice single and multiple (fractions 50/50/-100 and 33.33333 x 3), truefalse, shortanswer,
# numerical (exact, and with a tolerance), essay, matching, an embedded image, CDATA and entities.
MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Default for 安全/第一章</text></category>
    <info format="moodle_auto_format"><text>The default category.</text></info>
    <idnumber></idnumber>
  </question>
<!-- question: 101  -->
  <question type="multichoice">
    <name><text>消防颜色</text></name>
    <questiontext format="html">
      <text><![CDATA[<p dir="ltr">消防安全标志中，表示“禁止”的颜色是（　）。
<img src="@@PLUGINFILE@@/sign.png" alt="" width="20"></p>
<script>alert(1)</script>]]></text>
      <file name="sign.png" path="/" encoding="base64">iVBORw0KGgo=</file>
    </questiontext>
    <generalfeedback format="html"><text>&lt;p&gt;红色表示禁止。&lt;/p&gt;</text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber>FIRE-1</idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <answer fraction="100" format="html"><text>红色</text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="0" format="html"><text>黄色</text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="0" format="html"><text><![CDATA[<a href="x">绿色</a>]]></text>
      <feedback format="html"><text></text></feedback></answer>
    <answer fraction="0" format="html"><text>&amp;lt;a href="#"&amp;gt;</text>
      <feedback format="html"><text></text></feedback></answer>
    <tags><tag><text>重点</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>三原色</text></name>
    <questiontext format="html"><text>光的三原色是？</text></questiontext>
    <defaultgrade>3</defaultgrade>
    <single>false</single>
    <shuffleanswers>0</shuffleanswers>
    <answer fraction="33.33333" format="html"><text>红</text></answer>
    <answer fraction="33.33333" format="html"><text>绿</text></answer>
    <answer fraction="33.33333" format="html"><text>蓝</text></answer>
    <answer fraction="-100" format="html"><text>黄</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Partial</text></name>
    <questiontext format="html"><text>Which are fruit?</text></questiontext>
    <defaultgrade>2</defaultgrade>
    <single>false</single>
    <answer fraction="50" format="html"><text>Apple</text></answer>
    <answer fraction="50" format="html"><text>Pear</text></answer>
    <answer fraction="0" format="html"><text>Stone</text></answer>
  </question>
  <question type="truefalse">
    <name><text>TF</text></name>
    <questiontext format="moodle_auto_format"><text>The earth is round.</text></questiontext>
    <defaultgrade>1</defaultgrade>
    <answer fraction="100" format="moodle_auto_format"><text>true</text></answer>
    <answer fraction="0" format="moodle_auto_format"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Capital</text></name>
    <questiontext format="html"><text>The capital of France is ____.</text></questiontext>
    <defaultgrade>2</defaultgrade>
    <usecase>0</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>Paris</text></answer>
    <answer fraction="100" format="moodle_auto_format"><text>París</text></answer>
  </question>
  <question type="numerical">
    <name><text>Sum</text></name>
    <questiontext format="html"><text>2 + 2 = ?</text></questiontext>
    <answer fraction="100"><text>4</text><tolerance>0</tolerance></answer>
  </question>
  <question type="numerical">
    <name><text>Pi</text></name>
    <questiontext format="html"><text>π to two places?</text></questiontext>
    <answer fraction="100"><text>3.14</text><tolerance>0.01</tolerance></answer>
  </question>
  <question type="essay">
    <name><text>Essay</text></name>
    <questiontext format="html"><text><![CDATA[<p>论述<b>安全生产</b>的意义。</p>]]></text></questiontext>
    <defaultgrade>10</defaultgrade>
    <responseformat>editor</responseformat>
    <responsefieldlines>15</responsefieldlines>
    <graderinfo format="html"><text>意义要点</text></graderinfo>
  </question>
  <question type="match">
    <name><text>Match</text></name>
    <questiontext format="html"><text>Match them.</text></questiontext>
    <subquestion format="html"><text>A</text><answer><text>1</text></answer></subquestion>
  </question>
</quiz>
"""

# GIFT format (docs.moodle.org/en/GIFT_format): comments, $CATEGORY, names, every escape, weights
# summing within a tolerance and %-100%, feedback, [html] and [markdown], {T} and {TRUE}, a number
# with a tolerance, an exact number, a missing word, an essay and a matching question.
GIFT = r"""// GIFT sample: hand-made after the Moodle docs' GIFT format page
$CATEGORY: $course$/top/安全

::G1::[html]消防安全标志中，表示<b>禁止</b>的颜色是（　）。{
	=红色#对
	~黄色#错
	~绿色
}

::Escapes::Which reads 1\=1 \{ok\} \~ \#1 a\:b \\ ?{=a \= b ~c \{d\} ~e\#f ~g\:h}

::Weights:: Which are primary colours? {
	~%33.33333%红
	~%33.33333%绿
	~%33.33333%蓝
	~%-100%黄
	####三原色是红、绿、蓝。
}

::TF1:: 地球是圆的。{T}

::TF2:: The sun is cold.{FALSE#No.}

::Short:: Who is buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}

::Missing:: 中国的首都是{=北京 =北京市}，位于华北。

::Num:: 2 + 2 = {#4}

::Tol:: What is π to two places?{#3.14:0.005}

::Essay::[markdown]Write **about** safety.{}

::Match:: Match the capitals. {
	=China -> Beijing
	=France -> Paris
	=Japan -> Tokyo
}

::Partial:: Pick fruit. {~%50%Apple ~%50%Pear ~%0%Stone}
"""
