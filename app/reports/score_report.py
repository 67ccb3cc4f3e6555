"""One-page score reports (成绩报告单) in Chinese, with a QR code carrying a signed record."""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from app.reports.fonts import report_font

PART_NAMES = {"theory": "理论知识考试", "skill": "技能考核", "review": "综合评审"}


@dataclass(frozen=True)
class PartLine:
    part: str  # theory | skill | review
    score: str | None  # "86.00", 缺考, or None while not sat or not scored
    passed: bool | None
    session: str | None  # the sitting the score comes from (a resit replaces an earlier sitting)


@dataclass(frozen=True)
class ReportData:
    centre: str
    session: str
    standard: str  # "4-13-99-02 在线学习服务师"
    level: str  # "五级/初级工"
    name: str
    ticket: str
    masked_id: str
    parts: Sequence[PartLine]
    overall: str  # 合格 / 不合格 / 待定
    date: str
    qr_payload: str
    key_fingerprint: str
    pass_mark: int = 60
    review_summary: str = ""  # the comprehensive review's record in one line (review_summary below)
    live_summary: str = ""  # the skill part's observed and oral tasks, a line each (live_summary below)


def review_summary(detail: Any) -> str:
    """The review record kept with a review result, summarised for the score report: materials,
    the defence's minutes, questions, panel members and the criteria (said when only the example)."""
    if not isinstance(detail, dict) or "materials" not in detail:
        return ""
    materials = detail.get("materials") or []
    missing = sum(1 for m in materials if m.get("status") == "missing")  # examdesk-bundle/6 on
    files = sum(1 for m in materials if m.get("sha256"))
    criteria = detail.get("criteria") or {}
    source = "考核方提供" if criteria.get("supplied") and not criteria.get("example") else "示例，非官方"
    questions = len(detail.get("questions") or [])
    lacking = f"，缺 {missing} 项" if missing else ""
    return (f"综合评审记录：申报材料与代表作 {len(materials) - missing} 项（附件 {files} 个{lacking}），"
            f"答辩 {detail.get('defence_minutes')} 分钟，提问 {questions} 个，评审委员 {detail.get('members')} 名\n"
            f"评审标准：{criteria.get('name', '')}（{source}）")  # fmt: skip


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}分{rest:02d}秒"


# the line under a task whose examiner's timer a restart of the centre's PC cut (a line of its own: the
# report's lines are not wrapped)
INTERRUPTED = "    其中考评员计时因考点计算机重启中断，只计重启前已记录的部分"


def live_summary(records: Sequence[dict[str, Any]]) -> str:
    """The skill part's observed and oral tasks (the bundle's `live_tasks.json` records), a line each:
    which question, how it was assessed (现场操作, 模拟操作, 现场问答), the card drawn, and the time the
    examiners timed it for (their least and most when they differ; said when a restart of the centre's
    PC cut a timer, which then counts only what was recorded before it)."""
    lines = []
    for record in records:
        card = record.get("card") or {}
        drawn = f"（题卡 {card['number']}/{card['pool']}）" if card else ""
        totals = [e["timed_seconds"] for e in record.get("examiners", []) if e.get("timer")]
        if not totals:
            timed = "未计时"
        elif round(min(totals)) == round(max(totals)):
            timed = f"考评员计时 {_duration(max(totals))}"
        else:
            timed = f"考评员计时 {_duration(min(totals))}至{_duration(max(totals))}"
        question = f"技能考核第 {record['slot'] + 1} 题（{record.get('area', '')}）"
        lines.append(f"{question}：{record['form']}{drawn}，{timed}")
        if any(e.get("interrupted") for e in record.get("examiners", [])):  # a restart cut a timer: a lower bound
            lines.append(INTERRUPTED)
    return "\n".join(lines)


def _qr_matrix(payload: str) -> list[list[bool]]:
    # A fixed mask pattern: every mask is valid; searching all eight for the "best" one took
    # most of a report's time, and scanners read any of them.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=2)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def _dark_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """(row, first column, length) of each horizontal run of dark modules: one rectangle each."""
    runs = []
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return runs


def render(report: ReportData) -> bytes:
    font, _embedded = report_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(f"成绩报告单 {report.ticket}")
    pdf.setAuthor(report.centre)
    width, height = A4
    left = 25 * mm
    y = height - 30 * mm

    pdf.setFont(font, 20)
    pdf.drawCentredString(width / 2, y, "职业技能等级认定成绩报告单")
    y -= 10 * mm
    pdf.setFont(font, 10.5)
    pdf.drawCentredString(width / 2, y, report.centre)
    y -= 14 * mm

    rows = [
        ("姓　　名", report.name),
        ("准考证号", report.ticket),
        ("身份证号", report.masked_id),
        ("职业（工种）", report.standard),
        ("等　　级", report.level),
        ("考试场次", report.session),
    ]
    pdf.setFont(font, 12)
    for label, value in rows:
        pdf.drawString(left, y, label)
        pdf.drawString(left + 32 * mm, y, value)
        y -= 8.5 * mm

    y -= 4 * mm
    pdf.setLineWidth(0.6)
    table_w = width - 2 * left
    cols = (left, left + 48 * mm, left + 88 * mm, left + 114 * mm)
    pdf.line(left, y + 6 * mm, left + table_w, y + 6 * mm)
    pdf.setFont(font, 12)
    for x, head in zip(cols, ("考核项目", "成绩（百分制）", "结果", "考试场次"), strict=True):
        pdf.drawString(x + 2 * mm, y, head)
    y -= 3 * mm
    pdf.line(left, y, left + table_w, y)
    for line in report.parts:
        y -= 8 * mm
        pdf.drawString(cols[0] + 2 * mm, y, PART_NAMES.get(line.part, line.part))
        pdf.drawString(cols[1] + 2 * mm, y, line.score if line.score is not None else "—")
        pdf.drawString(cols[2] + 2 * mm, y, "—" if line.passed is None else ("合格" if line.passed else "不合格"))
        pdf.drawString(cols[3] + 2 * mm, y, line.session or "—")
        y -= 3 * mm
        pdf.line(left, y, left + table_w, y)
    summary = "\n".join(part for part in (report.review_summary, report.live_summary) if part)
    if summary:
        pdf.setFont(font, 9)
        for line in summary.splitlines():
            y -= 5.5 * mm
            pdf.drawString(left, y, line)
        pdf.setFont(font, 12)
    y -= 10 * mm
    pdf.setFont(font, 13)
    pdf.drawString(left, y, f"认定结果：{report.overall}")
    pdf.setFont(font, 10.5)
    y -= 8 * mm
    pdf.drawString(left, y, f"各考核项目均实行百分制，成绩达 {report.pass_mark} 分（含）以上为合格。")
    y -= 6 * mm
    pdf.drawString(left, y, f"报告日期：{report.date}")

    # QR code: drawn as vector modules, error correction level Q
    matrix = _qr_matrix(report.qr_payload)
    size = 48 * mm
    cell = size / len(matrix)
    qx, qy = width - left - size, 30 * mm
    pdf.setFillColorRGB(0, 0, 0)
    for r, c, length in _dark_runs(matrix):
        pdf.rect(qx + c * cell, qy + size - (r + 1) * cell, cell * length, cell, stroke=0, fill=1)
    pdf.setFont(font, 8.5)
    pdf.drawString(left, qy + 16 * mm, "扫描右侧二维码可离线核验本报告（需考点公钥）：")
    pdf.drawString(left, qy + 11 * mm, "examdesk verify-qr <二维码内容> --pubkey 考点公钥.pem")
    pdf.drawString(left, qy + 6 * mm, f"签名密钥指纹：{report.key_fingerprint[:32]}")
    pdf.drawString(left, qy + 1 * mm, f"{report.key_fingerprint[32:]}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


POOL_FROM = 200  # reports: below this, starting worker processes costs more than it saves


def render_workers(reports: int) -> int:
    """How many processes render `reports` reports: every core for a large session, else one."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if reports >= POOL_FROM and cores > 1 else 1


def _warm_up() -> None:
    if hasattr(os, "nice"):  # rendering is background work: a station's save on this PC goes first
        os.nice(5)
    report_font()  # each worker registers the font once


def render_all(reports: Iterable[ReportData], workers: int = 1) -> Iterator[bytes]:
    """Each report's PDF, in the order given. With `workers` > 1, that many fresh processes render
    them (a report is pure data in, bytes out: the same report as rendered here), a few at a time
    each, so this process stays free for others (a station saving answers) and every core works.
    As for any program that starts processes, its main module must be safe to import (`if
    __name__ == "__main__":`), and a frozen program calls multiprocessing.freeze_support()."""
    if workers <= 1:
        for report in reports:
            yield render(report)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads and connections
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm_up)
    try:
        yield from pool.map(render, reports, chunksize=8)
    finally:  # also when the caller stops early: what is still queued is dropped, not rendered
        pool.shutdown(wait=True, cancel_futures=True)
