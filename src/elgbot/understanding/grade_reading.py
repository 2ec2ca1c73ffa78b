"""Colour, clarity and cut from a message, in passes from surest to loosest:

0. grades turned down ("no SI", "except H": `grade_negation` has the rule), and grades in
   words ("colourless", "eye clean");
1. after a keyword ("colour I", "cut G", "clarity: VS1+"), where any code of the scale counts;
2. before a keyword ("G cut", "F colour", "VS2 clarity"), likewise;
3. on their own, where only readings that are safe without context count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from elgbot.catalog.grades import Clarity, Color, Cut
from elgbot.understanding.clarity_words import CLARITY
from elgbot.understanding.colour_words import COLOUR
from elgbot.understanding.cut_words import CUT
from elgbot.understanding.grade_expressions import GradeHit, read_expression
from elgbot.understanding.grade_negation import CONTRADICTION, Refusal, accepted, read_refusal
from elgbot.understanding.grade_phrases import phrase_at
from elgbot.understanding.grade_scale import Scale
from elgbot.understanding.lexer import Kind, Lexed, Token, text_at
from elgbot.understanding.unclear import Unclear

G = TypeVar("G", Color, Clarity, Cut)

# Cut first: its loose words never collide with the others; clarity before colour so a
# clarity code is never mistaken for a colour letter.
_SCALES: Final = (CUT, CLARITY, COLOUR)
_BY_KEYWORD: Final = {word: scale for scale in _SCALES for word in scale.keywords}
_FILLERS: Final = frozenset(
    {":", "-", "=", "is", "should", "be", "grade", "of", "must", "preferably", "prefer"}
)


@dataclass(frozen=True, slots=True)
class GradeReading:
    colors: tuple[Color, ...] = ()
    clarities: tuple[Clarity, ...] = ()
    cuts: tuple[Cut, ...] = ()
    indices: frozenset[int] = frozenset()
    unclear: tuple[Unclear, ...] = ()
    refused: frozenset[str] = frozenset()  # fields with a grade turned down ("except H")


@dataclass(slots=True)
class _Board:
    """Working state of one reading: claimed tokens, grades found, refusals."""

    lexed: Lexed
    claimed: set[int]
    ranks: dict[str, set[int]] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)
    unclear: list[Unclear] = field(default_factory=list)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.lexed.tokens

    def take(self, scale: Scale, hit: GradeHit, first: int, last: int) -> None:
        self.ranks.setdefault(scale.field, set()).update(hit.ranks)
        self.claimed.update(range(first, last + 1))

    def refuse(self, scale: Scale, index: int) -> None:
        self.unclear.append(Unclear(scale.field, self.tokens[index].raw, scale.reason))
        self.claimed.add(index)


def read_grades(lexed: Lexed, taken: frozenset[int]) -> GradeReading:
    board = _Board(lexed, set(taken))
    _turned_down(board)
    _in_words(board)
    _after_keywords(board)
    _before_keywords(board)
    _on_their_own(board)
    _refuse_leftover_codes(board)
    colors, clarities, cuts = (_accepted(board, s) for s in (COLOUR, CLARITY, CUT))
    return GradeReading(
        colors=_graded(tuple(Color), colors),
        clarities=_graded(tuple(Clarity), clarities),
        cuts=_graded(tuple(Cut), cuts),
        indices=frozenset(board.claimed - taken),
        unclear=tuple(board.unclear),
        refused=frozenset(r.scale.field for r in board.refusals),
    )


def _turned_down(board: _Board) -> None:
    for index in range(len(board.tokens)):
        refusal = (
            None if index in board.claimed else read_refusal(board.tokens, index, board.claimed)
        )
        if refusal is not None:
            board.refusals.append(refusal)
            board.claimed.update(range(refusal.first, refusal.last + 1))


def _accepted(board: _Board, scale: Scale) -> set[int]:
    """The grades named, less those turned down; refusing all of them is reported."""
    named = board.ranks.get(scale.field, set())
    refusals = [r for r in board.refusals if r.scale is scale]
    if not refusals:
        return named
    left = accepted(scale, named, frozenset().union(*(r.ranks for r in refusals)))
    if not left:
        quoted = board.lexed.quote(refusals[0].first, refusals[-1].last)
        board.unclear.append(Unclear(scale.field, quoted, CONTRADICTION))
    return set(left)


def _graded(members: tuple[G, ...], ranks: set[int]) -> tuple[G, ...]:
    """Grades by rank, best first."""
    return tuple(members[r] for r in sorted(ranks))


def _in_words(board: _Board) -> None:
    for index in range(len(board.tokens)):
        if index in board.claimed or (phrase := phrase_at(board.tokens, index)) is None:
            continue
        board.ranks.setdefault(phrase.field, set()).update(phrase.ranks)
        board.claimed.update(range(index, index + phrase.width))


def _after_keywords(board: _Board) -> None:
    tokens = board.tokens
    for index, token in enumerate(tokens):
        scale = _BY_KEYWORD.get(token.text)
        if scale is None or index in board.claimed:
            continue
        at = _skip_fillers(tokens, index + 1)
        hit = read_expression(tokens, at, scale, scale.strict, board.claimed)
        if hit is not None:
            board.take(scale, hit, index, hit.last)
        elif _failed_attempt(board, scale, index, at):
            board.refuse(scale, at)


def _failed_attempt(board: _Board, scale: Scale, keyword: int, at: int) -> bool:
    """The word after the keyword looks like a grade of its scale but is none."""
    tokens = board.tokens
    if at >= len(tokens) or at in board.claimed or not scale.code_like(tokens[at]):
        return False
    return not _keyword_of_another_grade(board, scale, keyword, at)


def _keyword_of_another_grade(board: _Board, scale: Scale, keyword: int, at: int) -> bool:
    """ "H colour SI clarity", "H colour SI": the keyword closes "H" or the next word opens
    "SI clarity", and that word is another scale's grade, not a failed attempt at a colour."""
    tokens, claimed = board.tokens, board.claimed
    others = [s for s in _SCALES if s is not scale]
    if not any(s.strict(tokens, at, claimed) for s in others):
        return False
    closes = keyword > 0 and scale.strict(tokens, keyword - 1, claimed) is not None
    return closes or any(_is_keyword_of(board, s, at + 1) for s in others)


def _skip_fillers(tokens: Sequence[Token], index: int) -> int:
    while text_at(tokens, index) in _FILLERS:
        index += 1
    return index


def _before_keywords(board: _Board) -> None:
    for index in range(len(board.tokens)):
        for scale in _SCALES:
            if index in board.claimed:
                break
            hit = read_expression(board.tokens, index, scale, scale.strict, board.claimed)
            if hit is not None and _is_keyword_of(board, scale, hit.last + 1):
                board.take(scale, hit, index, hit.last + 1)


def _is_keyword_of(board: _Board, scale: Scale, index: int) -> bool:
    return index not in board.claimed and text_at(board.tokens, index) in scale.keywords


def _on_their_own(board: _Board) -> None:
    for index in range(len(board.tokens)):
        for scale in _SCALES:
            if index in board.claimed:
                break
            hit = read_expression(board.tokens, index, scale, scale.loose, board.claimed)
            if hit is not None:
                board.take(scale, hit, index, hit.last)


def _refuse_leftover_codes(board: _Board) -> None:
    """ "VS3", "Q9": shaped like a grade, but none exists by that name."""
    for index, token in enumerate(board.tokens):
        if index in board.claimed or token.kind is not Kind.CODE:
            continue
        scale = next((s for s in (CLARITY, COLOUR) if s.code_like(token)), None)
        if scale is not None:
            board.refuse(scale, index)
