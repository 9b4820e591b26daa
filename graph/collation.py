"""How names sort: Finnish collation, as a key stored beside each name.

The key is ICU's sort key for the `fi` locale (CLDR's standard Finnish collation, as SFS 4600
has it since 2000): letters compare without regard to case first (`abc` < `Zeta` < `zeta`), and
case and accents only break ties (`resume` < `Resume` < `résumé`); `å`, `ä` and `ö` are letters
of their own after `z` (… x y z å ä ö, so `zeta` < `Åbo` < `Ähtäri` < `Öljy`); `v` and `w` are
two letters (`Vaasa` < `Wahl`); `ü` sorts as `y`, `æ` as `ä` and `ø` as `ö`.

The key's bytes are written as lower-case hex, so comparing keys as text (code points, as
LadybugDB, Neo4j, Arrow and Python all compare strings) compares the names in Finnish order.

Keys are made by one ICU version: every process writing to one database should use the same
(`ICU_VERSION` names it), or names written by each sort by its rules.
"""

from __future__ import annotations

import icu

LOCALE = "fi"
ICU_VERSION: str = icu.ICU_VERSION
_COLLATOR = icu.Collator.createInstance(icu.Locale(LOCALE))


def name_key(name: str) -> str:
    """The text that sorts as `name` does in Finnish."""
    return bytes(_COLLATOR.getSortKey(name)).hex()
