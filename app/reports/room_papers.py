"""The room's papers the proctors sign, in Chinese: the sign-in sheet (签到表) printed before the exam
and the room record (考场记录) printed at the close. Pure: data in, PDF bytes out (reportlab).

The room record ends with the store's audit head at the moment it was printed (the sequence number
and MAC of the audit entry that records the printing): whoever keeps the signed paper can later ask
the store for that entry (`examdesk audit head SEQ`) and see a store rolled back to an earlier copy,
which lacks it or holds another entry in its place."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from app.reports.fonts import report_font

PART_NAMES = {"theory": "理论知识考试", "skill": "技能考核", "review": "综合评审"}
# the categories of the incident record (app/services/incident_log.py), as the proctor's screen says them
CATEGORY_NAMES = {
    "technical.freeze": "技术故障：考试机死机",
    "technical.power": "技术故障：断电",
    "technical.network": "技术故障：网络中断",
    "environment.noise": "考场环境：噪音",
    "environment.disturbance": "考场环境：外界干扰",
    "illness": "考生身体不适",
    "misconduct": "违纪",
    "complaint": "申诉/投诉",
    "clock.pause": "计时：暂停",
    "clock.resume": "计时：恢复",
    "clock.extend": "计时：延长时间",
    "clock.submit": "监考员代为交卷",
    "station.move": "换机续考",
}
STATE_NAMES = {"scheduled": "未开考", "open": "考试中", "closed": "已结束", "archived": "已归档", "cancelled": "已取消"}
PHOTO_W, PHOTO_H = 15 * mm, 20 * mm  # 3:4, as an ID photo


@dataclass(frozen=True)
class RoomHeading:
    """What both papers say at the top: the centre, the session, and when the paper was printed."""

    centre: str
    session: str
    room: str
    exam: str  # "4-13-99-02 在线学习服务师 · 五级/初级工"
    part: str  # theory | skill | review
    start: str  # "2026-12-05 09:00"
    minutes: int
    printed: str  # "2026-12-05 08:40", the store's clock
    printed_by: str


@dataclass(frozen=True)
class SheetLine:
    ticket: str
    name: str
    masked_id: str
    photo: bytes | None
    seat: str  # the station the proctor checked them in to, or "" before check-in
    checked_in: str  # when ("09:02"), or ""


@dataclass(frozen=True)
class RecordLine:
    """One line of the record: when, which candidate (or "" for the room), what, by whom."""

    at: str
    ticket: str
    what: str
    text: str
    by: str


@dataclass(frozen=True)
class RoomRecord:
    heading: RoomHeading
    state: str
    proctors: Sequence[str]
    candidates: int
    checked_in: int
    submitted: int
    times: Sequence[RecordLine]  # start, pauses, resumes, extensions (room and per candidate), the close
    incidents: Sequence[RecordLine]
    force_submits: Sequence[RecordLine]  # papers a proctor submitted or ended (misconduct)
    moves: Sequence[RecordLine]
    absentees: Sequence[tuple[str, str]]  # (ticket, name)
    audit_seq: int
    audit_mac: str
    seats: Sequence[tuple[str, str, str, str, str]] = field(default_factory=tuple)  # ticket, name, seat, in, end
    notes: Sequence[str] = field(default_factory=tuple)


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    font, _embedded = report_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=24, alignment=1, spaceAfter=2 * mm)
    heading = ParagraphStyle("heading", parent=body, fontSize=11.5, leading=16, spaceBefore=4 * mm, spaceAfter=1.5 * mm)
    return body, small, title, heading


def _text(value: str) -> str:
    """Text for a Paragraph: its markup characters escaped, line breaks kept."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def _grid(rows: list[list[object]], widths: list[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    font, _embedded = report_font()
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)))
    table.setStyle(TableStyle(style))
    return table


def _heading_block(h: RoomHeading, title: str) -> list[Flowable]:
    body, _small, title_style, _heading = _styles()
    facts = [
        [Paragraph(f"考点：{_text(h.centre)}", body), Paragraph(f"场次：{_text(h.session)}", body)],
        [Paragraph(f"职业（工种）与等级：{_text(h.exam)}", body),
         Paragraph(f"考核项目：{PART_NAMES.get(h.part, h.part)}", body)],
        [Paragraph(f"考场：{_text(h.room)}", body), Paragraph(f"开考时间：{h.start}，时长 {h.minutes} 分钟", body)],
    ]
    table = Table(facts, colWidths=[95 * mm, 75 * mm])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return [Paragraph(title, title_style), table, Spacer(1, 2 * mm)]


def _photo(photo: bytes | None, small: ParagraphStyle) -> Flowable:
    if photo:
        try:
            reader = ImageReader(io.BytesIO(photo))
            reader.getSize()  # an unreadable image fails here, not while the page is drawn
            return Image(io.BytesIO(photo), width=PHOTO_W, height=PHOTO_H, kind="proportional")
        except Exception:  # a photo reportlab cannot read: the proctor checks the ID card instead
            pass
    return Paragraph("无照片", small)


def _footer(printed: str, printed_by: str, what: str):  # type: ignore[no-untyped-def]
    def draw(pdf, doc) -> None:  # type: ignore[no-untyped-def]
        font, _embedded = report_font()
        pdf.saveState()
        pdf.setFont(font, 8)
        pdf.drawString(18 * mm, 10 * mm, f"{what} · 打印：{printed}（{printed_by}）")
        pdf.drawRightString(A4[0] - 18 * mm, 10 * mm, f"第 {doc.page} 页")
        pdf.restoreState()

    return draw


def _document(buffer: io.BytesIO, title: str, author: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                             bottomMargin=18 * mm, title=title, author=author)  # fmt: skip


def render_sign_in_sheet(h: RoomHeading, lines: Sequence[SheetLine]) -> bytes:
    """签到表: one row per candidate with photo, ticket, name, masked ID, seat and a signature box;
    the proctors sign at the foot."""
    body, small, _title, heading = _styles()
    rows: list[list[object]] = [
        ["序号", "照片", "准考证号", "姓名", "身份证号", "座位（考试机）", "签到时间", "考生签名"],
    ]
    for n, line in enumerate(lines, 1):
        rows.append([str(n), _photo(line.photo, small), line.ticket, Paragraph(_text(line.name), body),
                     line.masked_id, line.seat, line.checked_in, ""])  # fmt: skip
    widths = [10 * mm, 19 * mm, 22 * mm, 20 * mm, 35 * mm, 27 * mm, 16 * mm, 25 * mm]
    table = _grid(rows, widths)
    table.setStyle(TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                               ("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 2)]))
    story: list[Flowable] = _heading_block(h, "考生签到表")
    story.append(Paragraph(f"应到考生 {len(lines)} 人。考生核对照片与身份证件后在本人一行签名；"
                           "监考员核对无误后在下方签名。", small))  # fmt: skip
    story.append(Spacer(1, 2 * mm))
    story.append(table)
    story.append(KeepTogether([
        Paragraph("实到 ____ 人，缺考 ____ 人。", heading),
        Paragraph("监考员签名：______________________　　______________________　　日期：____________", body),
    ]))  # fmt: skip
    buffer = io.BytesIO()
    footer = _footer(h.printed, h.printed_by, f"签到表 {h.session}")
    _document(buffer, f"签到表 {h.session}", h.centre).build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _lines_table(lines: Sequence[RecordLine], small: ParagraphStyle, empty: str) -> Flowable:
    if not lines:
        return Paragraph(empty, small)
    rows: list[list[object]] = [["时间", "准考证号", "事项", "说明", "记录人"]]
    for line in lines:
        rows.append([Paragraph(line.at, small), line.ticket or "全场", Paragraph(_text(line.what), small),
                     Paragraph(_text(line.text), small), Paragraph(_text(line.by), small)])  # fmt: skip
    return _grid(rows, [20 * mm, 20 * mm, 34 * mm, 72 * mm, 28 * mm])


def render_room_record(r: RoomRecord) -> bytes:
    """考场记录: the session's times, incidents, papers submitted by a proctor, moves, absentees and
    proctors, with the audit head the proctors sign under."""
    body, small, _title, heading = _styles()
    h = r.heading
    story: list[Flowable] = _heading_block(h, "考场记录")
    story.append(Paragraph(
        f"场次状态：{STATE_NAMES.get(r.state, r.state)}。应考 {r.candidates} 人，签到 {r.checked_in} 人，"
        f"交卷 {r.submitted} 人，缺考 {len(r.absentees)} 人。", body))  # fmt: skip
    story.append(Paragraph("监考员：" + ("、".join(_text(p) for p in r.proctors) or "（未分配）"), body))
    for note in r.notes:
        story.append(Paragraph(_text(note), body))
    story.append(Paragraph("一、考试时间（开考、暂停、恢复、延时、结束）", heading))
    story.append(_lines_table(r.times, small, "无记录。"))
    story.append(Paragraph("二、考生签到与交卷", heading))
    if r.seats:
        seat_rows: list[list[object]] = [["准考证号", "姓名", "座位（考试机）", "签到时间", "结束方式"]]
        seat_rows += [[t, Paragraph(_text(n), small), Paragraph(_text(s), small), at, end]
                      for t, n, s, at, end in r.seats]  # fmt: skip
        story.append(_grid(seat_rows, [30 * mm, 36 * mm, 44 * mm, 24 * mm, 40 * mm]))
    else:
        story.append(Paragraph("无考生。", small))
    story.append(Paragraph("三、考场情况记录", heading))
    story.append(_lines_table(r.incidents, small, "无。"))
    story.append(Paragraph("四、监考员代为交卷或终止考试", heading))
    story.append(_lines_table(r.force_submits, small, "无。"))
    story.append(Paragraph("五、换机记录", heading))
    story.append(_lines_table(r.moves, small, "无。"))
    story.append(Paragraph("六、缺考考生", heading))
    if r.absentees:
        rows: list[list[object]] = [["准考证号", "姓名"]] + [[t, Paragraph(_text(n), small)] for t, n in r.absentees]
        story.append(_grid(rows, [40 * mm, 60 * mm]))
    else:
        story.append(Paragraph("无。", small))
    mac = r.audit_mac
    story.append(KeepTogether([
        Paragraph("七、审计记录（防回滚核对）", heading),
        Paragraph(f"本记录打印时，考务数据的审计链止于第 {r.audit_seq} 条（即记录本次打印的一条），其校验码为：", body),
        Paragraph(f"<font face='Courier'>{mac[:32]}<br/>{mac[32:]}</font>", body),
        Paragraph(f"日后核对：在考点运行 examdesk audit head {r.audit_seq} &lt;校验码&gt;，显示的校验码应与上面一致；"
                  "不一致或无此条，说明考务数据被替换或回退到了更早的副本。", small),
        Spacer(1, 6 * mm),
        Paragraph("监考员签名：______________________　　______________________　　日期：____________", body),
    ]))
    buffer = io.BytesIO()
    footer = _footer(h.printed, h.printed_by, f"考场记录 {h.session} · 审计第 {r.audit_seq} 条 {mac[:12]}")
    _document(buffer, f"考场记录 {h.session}", h.centre).build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
