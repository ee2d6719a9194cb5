"""Reporting verbs: the verbs that attribute a statement to a source, with their written forms.

One record per verb: lemma -> (third person singular, past). Every analysis that needs reporting
verbs reads them here: the attribution cues of :mod:`analysis.sources.attributions` (by lemma), the
tense cues of the temporal tagger and the event labels of the timeline (by written form, each
naming the lemmas it uses).
"""

from __future__ import annotations

__all__ = ["REPORTING_VERBS", "forms"]

REPORTING_VERBS: dict[str, tuple[str, str]] = {
    "acknowledge": ("acknowledges", "acknowledged"),
    "add": ("adds", "added"),
    "admit": ("admits", "admitted"),
    "affirm": ("affirms", "affirmed"),
    "announce": ("announces", "announced"),
    "appreciate": ("appreciates", "appreciated"),
    "argue": ("argues", "argued"),
    "assert": ("asserts", "asserted"),
    "assure": ("assures", "assured"),
    "claim": ("claims", "claimed"),
    "comment": ("comments", "commented"),
    "confirm": ("confirms", "confirmed"),
    "congratulate": ("congratulates", "congratulated"),
    "declare": ("declares", "declared"),
    "deny": ("denies", "denied"),
    "emphasise": ("emphasises", "emphasised"),
    "emphasize": ("emphasizes", "emphasized"),
    "explain": ("explains", "explained"),
    "express": ("expresses", "expressed"),
    "hail": ("hails", "hailed"),
    "highlight": ("highlights", "highlighted"),
    "insist": ("insists", "insisted"),
    "mention": ("mentions", "mentioned"),
    "note": ("notes", "noted"),
    "pledge": ("pledges", "pledged"),
    "praise": ("praises", "praised"),
    "promise": ("promises", "promised"),
    "quote": ("quotes", "quoted"),
    "recall": ("recalls", "recalled"),
    "reiterate": ("reiterates", "reiterated"),
    "remark": ("remarks", "remarked"),
    "report": ("reports", "reported"),
    "reveal": ("reveals", "revealed"),
    "say": ("says", "said"),
    "state": ("states", "stated"),
    "stress": ("stresses", "stressed"),
    "tell": ("tells", "told"),
    "thank": ("thanks", "thanked"),
    "tweet": ("tweets", "tweeted"),
    "underline": ("underlines", "underlined"),
    "underscore": ("underscores", "underscored"),
    "urge": ("urges", "urged"),
    "voice": ("voices", "voiced"),
    "vow": ("vows", "vowed"),
    "warn": ("warns", "warned"),
    "wish": ("wishes", "wished"),
    "write": ("writes", "wrote"),
}


def forms(lemmas: tuple[str, ...], *, present: bool = True, past: bool = True) -> list[str]:
    """The written forms of ``lemmas`` (each must be in :data:`REPORTING_VERBS`), in that order.

    Examples
    --------
    >>> forms(("say", "tell"))
    ['says', 'said', 'tells', 'told']
    >>> forms(("say",), present=False)
    ['said']
    >>> forms(("shout",))
    Traceback (most recent call last):
    ...
    KeyError: "'shout' is not a reporting verb of analysis.lexicon.reporting"
    """
    out = []
    for lemma in lemmas:
        if lemma not in REPORTING_VERBS:
            raise KeyError(f"{lemma!r} is not a reporting verb of analysis.lexicon.reporting")
        third, simple_past = REPORTING_VERBS[lemma]
        out += ([third] if present else []) + ([simple_past] if past else [])
    return out
