"""Masking personal details for lists, printouts and exports.

Officers need enough to recognise a person (surname, last digits, community) but a printout
left on a desk or a spreadsheet sent upwards must not identify anyone by itself. Every function
returns an empty string for empty input so callers can mask optional fields without checks.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.limits import REASON, check_text

# Two-character surnames still in use (and the classical ones that turn up in registers).
# Without this list 欧阳娜娜 would become 欧某 and lose the part that actually is the surname.
COMPOUND_SURNAMES = frozenset(
    """
    欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木
    独孤 南宫 西门 百里 呼延 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 仲孙 钟离 闻人
    赫连 万俟 司空 鲜于 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父
    谷梁 拓跋 夹谷 段干 东郭 南门 羊舌 微生 梁丘 左丘 东门 第五 公羊 欧侯 完颜
    """.split()
)

_MASK = "某"
_LATIN = re.compile(r"[A-Za-z]")
_BLANKS = re.compile(r"[\s\u200b\ufeff]+")


def mask_name(name: str) -> str:
    """The surname followed by 某: 罗明 → 罗某, 欧阳娜娜 → 欧阳某; Latin names keep one letter."""
    text = (name or "").strip()
    if not text:
        return ""
    if _LATIN.match(text):
        return f"{text[0].upper()}***"
    text = _BLANKS.sub("", text)
    # A two-character name that starts with a compound surname (欧阳) is more likely the
    # single surname 欧 with the given name 阳, so the compound is only taken from three up.
    if len(text) >= 3 and text[:2] in COMPOUND_SURNAMES:
        return text[:2] + _MASK
    return text[0] + _MASK


def _mask_tail(text: str, keep: int) -> str:
    """Stars for everything but the last ``keep`` characters."""
    keep = max(0, min(keep, len(text)))
    return "*" * (len(text) - keep) + text[len(text) - keep :]


# A mobile in the one form validation stores (``validate.normalize_phone``): eleven digits,
# 13… to 19…. Defined here so that masking a stored mobile needs none of validation's patterns.
MOBILE = re.compile(r"1[3-9][0-9]{9}")


def mask_mobile(mobile: str) -> str:
    """138****5678 for a mobile, 0778-***1234 for a landline, last digits only otherwise."""
    text = (mobile or "").strip()
    if not text:
        return ""
    if MOBILE.fullmatch(text):  # as stored: what normalising it would give back
        return f"{text[:3]}****{text[7:]}"
    # Imported here: the printouts' registry reads this module, and a sign-in sheet printed
    # from the command line need not compile the validation module's patterns.
    from desktop.core.validate import normalize_phone

    try:
        phone = normalize_phone(text)
    except ValidationError:
        # Unrecognised text: show at most the last four and never more than half of it.
        return _mask_tail(text, min(4, len(text) // 2))
    if phone.is_mobile:
        return f"{phone.number[:3]}****{phone.number[7:]}"
    area, local = phone.number.split("-")
    return f"{area}-{_mask_tail(local, 4)}"


def mask_id_number(id_number: str) -> str:
    """4501**********123X: region and last four kept, birth date and sequence hidden."""
    text = (id_number or "").strip().upper()
    if not text:
        return ""
    if len(text) == 18:
        return f"{text[:4]}{'*' * 10}{text[-4:]}"
    # Anything else is not a valid number; keep so little that short values stay mostly hidden.
    keep = min(2, len(text) // 4)
    middle = "*" * (len(text) - 2 * keep)
    return f"{text[:keep]}{middle}{text[len(text) - keep :]}" if keep else middle


def age_from_id_number(id_number: str | None, on: date) -> int | None:
    """Age in whole years on ``on``, from the birth date an 18-character ID number carries;
    None without one. Shown beside a masked name to tell two residents of one name apart
    without showing the birth date itself."""
    text = (id_number or "").strip()
    if len(text) != 18 or not text[6:14].isdigit():
        return None
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None
    age = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return age if age >= 0 else None


def sex_from_id_number(id_number: str | None) -> str | None:
    """ "male" or "female" as the 17th character of an 18-character ID number says (odd: male),
    None without one; printed beside a masked name as the age is."""
    text = (id_number or "").strip()
    if len(text) != 18 or not text[16].isdigit():
        return None
    return "male" if int(text[16]) % 2 else "female"


# The community-level unit ends the part of an address that is shared by many households.
# 村 is skipped when followed by 路/街/巷/道 (新村路 is a road, not a village), but it can still
# hit inside other names such as a shop called 农家村; the result then hides more than needed,
# never less, which is the acceptable side to err on.
_COMMUNITY = re.compile(r"社区|居民委员会|居委会|村民委员会|村委会|小区|村(?![路街巷道])")
_TOWNSHIP = re.compile(r"街道|镇|乡")
_FALLBACK_KEEP = 6


def mask_address(address: str) -> str:
    """The address up to the community or village, with the street and house number hidden."""
    text = (address or "").strip()
    if not text:
        return ""
    community = _COMMUNITY.search(text)
    if community:
        cut = community.end()
    else:
        townships = list(_TOWNSHIP.finditer(text))
        cut = townships[-1].end() if townships else _FALLBACK_KEEP
    if cut >= len(text):
        return text
    return text[:cut] + "***"


# The reason logged with the reveal a form addressed to its resident makes (the dissuasion
# notice names them in full: it is their own document); nobody types it.
ADDRESSEE_REASON = "告知书交当事人"
# The reveal the family notice of a person abroad makes: a letter to the family names the
# person in full, and it is theirs to keep.
FAMILY_NOTICE_REASON = "劝返告知书交家属"
# The reveal a card seller's interview record or pledge makes: the resident signs it.
SIGNER_REASON = "约谈笔录、承诺书交本人签字"

# What a missing reason is reported against by a printout or an export: the command line's
# option that gives it (the windows ask for the reason before they call).
REASON_OPTION = "--reason"
NO_REASON = QT_TRANSLATE_NOOP("Validation", "Give a reason for showing the full details.")


def reveal_reason(reason: str | None, *, field: str = "reason") -> str:
    """The reason an officer gives for showing personal data in full, as the audit log keeps it
    with the reveal: required, and within the limits of any text (it is typed, and printed in
    the log)."""
    text = check_text((reason or "").strip(), REASON, field=field)
    if not text:
        raise ValidationError(NO_REASON, field=field)
    return text
