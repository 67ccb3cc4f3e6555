"""The item analysis as a PDF report (试卷质量分析报告, Chinese, with the charts) and as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.item_analysis import (
    EASY_ABOVE,
    GROUP_SHARE,
    HARD_BELOW,
    MINIMUM_FOR_DISCRIMINATION,
    UNSTABLE_BELOW,
    Caveat,
    Flag,
    ItemStats,
    SessionAnalysis,
)
from app.reports import analysis_charts
from app.reports.fonts import report_font

TYPE_NAMES = {"single": "单选", "multiple": "多选", "truefalse": "判断", "fill": "填空", "short": "简答",
              "case": "案例"}  # fmt: skip
FLAG_NAMES = {
    Flag.NEGATIVE_D: "区分度为负",
    Flag.TOO_EASY: f"过易（p>{EASY_ABOVE:g}）",
    Flag.TOO_HARD: f"过难（p<{HARD_BELOW:g}）",
    Flag.UNUSED_DISTRACTOR: "有无人选的干扰项",
}
EXCLUDED_NAMES = {"terminated": "违纪终止", "absent": "缺考", "open": "未交卷", "not_finalized": "主观题尚未定分"}
RED = colors.HexColor("#a61b1b")
GRID = colors.HexColor("#b8b8b8")
HEAD = colors.HexColor("#e8eef5")


def caveat_texts(result: SessionAnalysis) -> list[str]:
    """The warnings, in Chinese, as the report prints them."""
    s = result.analysis.summary
    texts = []
    if Caveat.UNSTABLE in s.caveats:
        texts.append(f"候选人数少于 {UNSTABLE_BELOW}（本场 {s.candidates} 人）：以下统计量不稳定，仅供参考，"
                     "不宜据此单独作出删改试题的决定。")  # fmt: skip
    if Caveat.TOO_FEW in s.caveats:
        texts.append(f"候选人数少于 {MINIMUM_FOR_DISCRIMINATION}：不计算区分度、题总相关和信度，也不标记试题。")
    if Caveat.SPARSE_ITEMS in s.caveats:
        texts.append(f"各考生试卷按准考证号分别抽题，每题作答人数不同：作答人数少于 {UNSTABLE_BELOW} 的试题统计不稳定，"
                     f"少于 {MINIMUM_FOR_DISCRIMINATION} 的试题不计算区分度、不作标记。")  # fmt: skip
    if Caveat.PAPERS_NOT_PARALLEL in s.caveats:
        texts.append("各份试卷的题型、分值结构不一致，无法计算信度。")
    if result.excluded:
        left_out = "，".join(f"{EXCLUDED_NAMES.get(k, k)} {v} 份" for k, v in sorted(result.excluded.items()))
        texts.append(f"未计入分析的试卷：{left_out}。")
    return texts


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def reliability_text(result: SessionAnalysis) -> str:
    s = result.analysis.summary
    if s.reliability is None:
        return "未计算"
    name = "KR-20" if s.reliability_kind == "KR-20" else "Cronbach α"
    basis = "（按题位：各卷同区同型题随机抽取）" if s.reliability_by_position else ""
    return f"{name} = {s.reliability:.3f}{basis}"


def _n(stats: ItemStats) -> str:
    """The number of candidates who had the item; * where it is under 30 (unstable)."""
    return f"{stats.n}*" if stats.unstable else str(stats.n)


def _options_text(stats: ItemStats) -> str:
    """'A 9% (0/33)' per option: all, upper group, lower group; the key marked *."""
    parts = []
    for o in stats.options:
        groups = "" if o.upper is None or o.lower is None else f"（{o.upper * 100:.0f}/{o.lower * 100:.0f}）"
        parts.append(f"{o.label}{'*' if o.keyed else ''} {o.share * 100:.0f}%{groups}")
    return "<br/>".join(parts)


def render_pdf(result: SessionAnalysis) -> bytes:
    """The report: heading, warnings, summary, the three charts, the items to review with their
    options, every item, and how the figures are computed."""
    font, _embedded = report_font()
    centre, generated = result.centre, result.analysed_on
    title = ParagraphStyle("title", fontName=font, fontSize=17, leading=22, alignment=1, spaceAfter=2 * mm)
    h2 = ParagraphStyle("h2", fontName=font, fontSize=12, leading=16, spaceBefore=4 * mm, spaceAfter=2 * mm)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    small = ParagraphStyle("small", fontName=font, fontSize=7.5, leading=9.5, wordWrap="CJK")
    warn = ParagraphStyle("warn", parent=body, textColor=RED)
    a = result.analysis
    s = a.summary
    story: list = [Paragraph("试卷质量分析报告（理论知识考试）", title)]
    if centre:
        story.append(Paragraph(centre, ParagraphStyle("centre", parent=body, alignment=1)))
    heading = [
        ["考试场次", f"{result.session}（{result.room}）", "考试时间", result.scheduled_start.replace("T", " ")],
        ["职业（工种）", Paragraph(result.standard_title, body), "等级", result.level_name],
        ["合格线", f"{result.pass_mark} 分", "生成日期", generated],
    ]
    story.append(_table(heading, [24 * mm, 66 * mm, 22 * mm, 58 * mm], font, header=False))
    for text in caveat_texts(result):
        story.append(Spacer(1, 1.5 * mm))
        story.append(Paragraph("注意：" + text, warn))

    story.append(Paragraph("一、总体情况", h2))
    summary = [
        ["分析人数", f"{s.candidates}", "满分", f"{s.max_score:g}", "每卷题数", f"{s.items_per_paper:.0f}"],
        ["平均分", _num(s.mean, 1), "标准差", _num(s.sd, 1), "最高 / 最低",
         f"{_num(s.maximum, 1)} / {_num(s.minimum, 1)}"],
        ["合格率", _percent(s.pass_rate), "信度", Paragraph(reliability_text(result), small),
         "测量标准误", _num(s.sem, 1)],
        ["涉及试题", f"{s.items}", "标记试题", f"{sum(1 for i in a.items if i.flags)}", "", ""],
    ]  # fmt: skip
    story.append(_table(summary, [22 * mm, 20 * mm, 18 * mm, 58 * mm, 26 * mm, 26 * mm], font, header=False))

    story.append(Paragraph("二、图表", h2))
    half = 84 * mm
    charts = Table(
        [[_image(analysis_charts.histogram_png(a), half), _image(analysis_charts.areas_png(a), half)]],
        colWidths=[half + 2 * mm, half + 2 * mm],
    )
    charts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(charts)
    story.append(_image(analysis_charts.scatter_png(a, size=(6.2, 3.4)), 150 * mm))
    story.append(Paragraph(f"散点图中红色区域为标记区：难度 p 低于 {HARD_BELOW:g} 或高于 {EASY_ABOVE:g}、"
                           f"区分度 D 为负；作答人数少于 {MINIMUM_FOR_DISCRIMINATION} 的试题不在图中。",
                           small))  # fmt: skip

    flagged = [i for i in a.items if i.flags]
    section: list = [Paragraph(f"三、需要复查的试题（{len(flagged)} 题）", h2)]
    if flagged:
        rows = [["试题", "题型", "职业功能", "人数", "难度 p", "区分度 D", "题总相关 r", "未答率",
                 "选项：全体%（高/低组%）", "标记"]]  # fmt: skip
        for i in flagged:
            rows.append([Paragraph(i.item.id, small), TYPE_NAMES.get(i.item.type, i.item.type),
                         Paragraph(i.item.area, small), _n(i), _num(i.p), _num(i.d), _num(i.r),
                         _percent(i.omitted), Paragraph(_options_text(i) or "—", small),
                         Paragraph("；".join(FLAG_NAMES[f] for f in i.flags), small)])  # fmt: skip
        widths = [25 * mm, 10 * mm, 18 * mm, 9 * mm, 12 * mm, 13 * mm, 14 * mm, 12 * mm, 32 * mm, 25 * mm]
        section.append(_table(rows, widths, font, size=7.5, flag_column=9))
    else:
        section.append(Paragraph("没有需要复查的试题。" if s.candidates >= MINIMUM_FOR_DISCRIMINATION
                                 else "人数过少，未标记试题。", body))  # fmt: skip
    story.append(KeepTogether(section))  # the heading never stays alone at the foot of a page

    rows = [["职业功能", "权重（分）", "试题数", "平均得分率"]]
    for area in a.areas:
        weight = result.area_weights.get(area.area)
        rows.append([area.area, f"{weight}" if weight is not None else f"{area.max_score:g}", str(area.items),
                     "—" if area.mean_percent is None else f"{area.mean_percent:.1f}%"])  # fmt: skip
    story.append(KeepTogether([Paragraph("四、各职业功能得分", h2),
                               _table(rows, [60 * mm, 30 * mm, 25 * mm, 30 * mm], font)]))  # fmt: skip

    story.append(Paragraph(f"五、全部试题（{len(a.items)} 题）", h2))
    rows = [["试题", "版本（题库@版本#摘要）", "题型", "职业功能", "分值", "人数", "难度 p", "区分度 D",
             "题总相关 r", "未答率", "标记"]]  # fmt: skip
    for i in a.items:
        version = i.item.version.split("/", 1)[0] + "#" + i.item.version.rsplit("#", 1)[-1][:8]
        rows.append([Paragraph(i.item.id, small), Paragraph(version, small), TYPE_NAMES.get(i.item.type, i.item.type),
                     Paragraph(i.item.area, small), f"{i.item.max_score:g}", _n(i), _num(i.p), _num(i.d),
                     _num(i.r), _percent(i.omitted),
                     Paragraph("；".join(FLAG_NAMES[f] for f in i.flags), small)])  # fmt: skip
    widths = [22 * mm, 38 * mm, 9 * mm, 16 * mm, 9 * mm, 9 * mm, 11 * mm, 12 * mm, 13 * mm, 11 * mm, 20 * mm]
    story.append(_table(rows, widths, font, size=7, flag_column=10))
    story.append(Paragraph(f"人数后标 * 的试题作答人数少于 {UNSTABLE_BELOW}，其统计量不稳定。", small))

    notes: list = [Paragraph("六、计算方法", h2)]
    for text in METHOD_NOTES:
        notes += [Paragraph(text, small), Spacer(1, 1 * mm)]
    story.append(KeepTogether(notes))

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=f"试卷质量分析报告 {result.session}",
                            author=centre or "ExamDesk")  # fmt: skip

    def page_number(canvas, doc_) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(font, 7.5)
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, f"{result.session} 试卷质量分析 · 第 {doc_.page} 页")

    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return out.getvalue()


METHOD_NOTES = (
    "难度 p：该题平均得分除以该题分值（得分率），按抽到该题的考生计算。",
    f"区分度 D：按总分将抽到该题的考生排序，取最高与最低各 {GROUP_SHARE:.0%}（四舍五入，至少 1 人；同分按考生顺序），"
    "D = 高分组得分率 - 低分组得分率。",
    "题总相关 r：该题得分与“总分减该题得分”的皮尔逊相关（校正的题总相关；0/满分计分的题即点二列相关）。",
    "信度：各题只得 0 分或满分时为 KR-20，否则为 Cronbach α（二者此时相等，均以总体方差计算）；"
    "各卷抽题不同时，以同一职业功能、同一题型的题位作为“题目”计算。测量标准误 SEM = 标准差 × √(1 - 信度)。",
    f"标记：D < 0；p > {EASY_ABOVE:g}；p < {HARD_BELOW:g}；选择题有无人选择的干扰项。作答人数少于 "
    f"{MINIMUM_FOR_DISCRIMINATION} 的试题不计算 D、r，也不标记；少于 {UNSTABLE_BELOW} 人的统计不稳定。",
    "试题版本：题库@题库版本/试题编号#内容摘要（SHA-256，含题干、选项文字与答案，与选项顺序和分值无关）。"
    "题库已改动、找不到同一版本时，版本记为“?”。",
    "未计入：缺考、违纪终止的试卷；含主观题而尚未定分的试卷。合格率按本场试卷总分（四舍五入到 0.01）计算。",
)


def _image(png: bytes, width: float) -> Image:
    image = Image(io.BytesIO(png))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth, image.drawHeight = width, width * ratio
    return image


def _table(rows: Sequence[Sequence[object]], widths: Sequence[float], font: str, *, header: bool = True,
           size: float = 8.5, flag_column: int | None = None) -> Table:  # fmt: skip
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD))
    else:
        style += [("BACKGROUND", (c, 0), (c, -1), HEAD) for c in range(0, len(widths), 2)]
    if flag_column is not None:
        style.append(("TEXTCOLOR", (flag_column, 1), (flag_column, -1), RED))
    table.setStyle(TableStyle(style))
    return table


CSV_FIXED = ("item", "version", "area", "type", "points", "n", "p", "D", "r_it", "omitted", "unstable", "keyed",
             "flags")  # fmt: skip


def items_csv(result: SessionAnalysis) -> bytes:
    """One row per item (version): its id, version key and every figure; per option label, the share
    choosing it overall and in the upper and lower groups. UTF-8 with BOM (Excel opens it right)."""
    items = result.analysis.items
    labels = sorted({o.label for i in items for o in i.options})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*CSV_FIXED, *(f"{label}_{g}" for label in labels for g in ("share", "upper", "lower"))])

    def num(value: float | None) -> str:
        return "" if value is None else f"{value:.4f}"

    for i in items:
        by_label = {o.label: o for o in i.options}
        row = [i.item.id, i.item.version, i.item.area, i.item.type, f"{i.item.max_score:g}", i.n, num(i.p), num(i.d),
               num(i.r), num(i.omitted), "yes" if i.unstable else "", "".join(sorted(i.item.keyed)),
               " ".join(f.value for f in i.flags)]  # fmt: skip
        for label in labels:
            o = by_label.get(label)
            row += ["", "", ""] if o is None else [num(o.share), num(o.upper), num(o.lower)]
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
