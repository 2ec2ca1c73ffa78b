"""Table tests: real-looking customer messages and the full reading each must give."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from elgbot.catalog.grades import Clarity, Color, Cut, Shape
from elgbot.catalog.stone import DiamondSpec
from elgbot.understanding.diamond_spec import SpecReading, read_diamond_spec

Carat = float | tuple[float | None, float | None] | None
Budget = int | tuple[int | None, int | None] | None


def spec(
    shape: str | None = None,
    carat: Carat = None,
    colors: str = "",
    clarities: str = "",
    cuts: str = "",
    budget: Budget = None,
) -> DiamondSpec:
    """carat 1.5 = exactly 1.5 ct; budget 50000 = up to ₹50,000; tuples are (min, max).

    colors "D E F", clarities "VS1 VS2", cuts "ideal/very good".
    """
    low, high = carat if isinstance(carat, tuple) else (carat, carat)
    floor, ceiling = budget if isinstance(budget, tuple) else (None, budget)
    return DiamondSpec(
        shape=Shape(shape) if shape else None,
        carat_min=low,
        carat_max=high,
        colors=tuple(Color(c) for c in colors.split()),
        clarities=tuple(Clarity(c) for c in clarities.split()),
        cuts=tuple(Cut(c) for c in cuts.split("/") if c),
        budget_min_inr=floor,
        budget_max_inr=ceiling,
    )


@dataclass(frozen=True)
class Case:
    """A message and everything its reading should say.

    `unclear` lists (field, quoted text) pairs; `candidates` shape values.
    """

    text: str
    spec: DiamondSpec
    unclear: tuple[tuple[str, str], ...] = ()
    candidates: tuple[str, ...] = ()
    fancy: str | None = None
    said_any: frozenset[str] = frozenset()


L = 100_000  # one lakh

SEED_FORMAT = [
    Case("Round, 1.5ct, D, VS1, Ideal, ₹1,00,000", spec("round", 1.5, "D", "VS1", "ideal", L)),
    Case(
        "Oval, 2ct, E, VVS2, Excellent, ₹2,50,000",
        spec("oval", 2.0, "E", "VVS2", "excellent", 250_000),
    ),
    Case(
        "Pear, 0.75ct, F, VS2, Very Good, ₹45,000",
        spec("pear", 0.75, "F", "VS2", "very good", 45_000),
    ),
    Case(
        "Cushion, 3ct, G, SI1, Good, ₹1,20,000", spec("cushion", 3.0, "G", "SI1", "good", 120_000)
    ),
    Case(
        "Princess, 1ct, H, VS1, Excellent, ₹60,000",
        spec("princess", 1.0, "H", "VS1", "excellent", 60_000),
    ),
    Case(
        "Emerald, 2.5ct, D, IF, Ideal, ₹3,75,000", spec("emerald", 2.5, "D", "IF", "ideal", 375_000)
    ),
    Case(
        "Heart, 1.25ct, E, VVS1, Very Good, ₹95,000",
        spec("heart", 1.25, "E", "VVS1", "very good", 95_000),
    ),
    Case(
        "Marquise, 0.5ct, G, SI2, Good, ₹20,000", spec("marquise", 0.5, "G", "SI2", "good", 20_000)
    ),
    Case(
        "Asscher, 1.5ct, F, VS1, Excellent, ₹1,10,000",
        spec("asscher", 1.5, "F", "VS1", "excellent", 110_000),
    ),
    Case(
        "Radiant, 4ct, E, VS2, Ideal, ₹5,00,000", spec("radiant", 4.0, "E", "VS2", "ideal", 500_000)
    ),
    Case("round, 1.5ct, d, vs1, ideal, ₹1,00,000", spec("round", 1.5, "D", "VS1", "ideal", L)),
    Case("ROUND, 1.5CT, D, VS1, IDEAL, ₹1,00,000", spec("round", 1.5, "D", "VS1", "ideal", L)),
    Case("Round,1.5ct,D,VS1,Ideal,₹1,00,000", spec("round", 1.5, "D", "VS1", "ideal", L)),
    Case("Round 1.5ct D VS1 Ideal ₹1,00,000", spec("round", 1.5, "D", "VS1", "ideal", L)),
    Case("₹1,00,000, Ideal, VS1, D, 1.5ct, Round", spec("round", 1.5, "D", "VS1", "ideal", L)),
    Case(
        "Round, 1.5ct, D, VS1, Ideal, ₹12,34,567",
        spec("round", 1.5, "D", "VS1", "ideal", 1_234_567),
    ),
    Case("Oval, 1ct, J, I1, Fair, ₹15,000", spec("oval", 1.0, "J", "I1", "fair", 15_000)),
    Case("Round, 1ct, K, SI3, Poor, ₹8,000", spec("round", 1.0, "K", "SI3", "poor", 8_000)),
    Case(
        "round, 1.5 ct, D, VS1, ideal/excellent, up to ₹1,00,000",
        spec("round", 1.5, "D", "VS1", "ideal/excellent", L),
    ),
]

FREE_SENTENCES = [
    Case(
        "looking for a 2 carat oval, F colour, VVS2, around 2.5L",
        spec("oval", 2.0, "F", "VVS2", budget=250_000),
    ),
    Case(
        "Hi, I'm looking for a lab grown diamond for my engagement ring. Round, about 1 carat, "
        "E or F colour, VS1 or better, excellent cut. My budget is around 80,000 rupees.",
        spec("round", 1.0, "E F", "FL IF VVS1 VVS2 VS1", "excellent", 80_000),
    ),
    Case("Can you show me some round diamonds under 1 lakh", spec("round", budget=L)),
    # "vs" between kinds of stone is "versus", not a clarity.
    Case("natural diamond vs lab diamond, which lasts", spec()),
    Case("cvd vs hpht", spec()),
    Case("round diamond vs, 1ct", spec("round", 1.0, clarities="VS1 VS2")),
    # Grades in words: colourless is D-F, near colourless G-J, eye clean VS2 or better.
    Case(
        "round 1ct colourless eye clean under 1 lakh",
        spec("round", 1.0, "D E F", "FL IF VVS1 VVS2 VS1 VS2", budget=L),
    ),
    Case("oval 2ct near colorless, VS1", spec("oval", 2.0, "G H I J", "VS1")),
    Case(
        "1.5 ct cushion, eye-clean, colorless",
        spec("cushion", 1.5, "D E F", "FL IF VVS1 VVS2 VS1 VS2"),
    ),
    Case(
        "I need a pear shaped stone of 1.5 carats with G color and VS2 clarity",
        spec("pear", 1.5, "G", "VS2"),
    ),
    Case(
        "do you have an emerald cut 3 carat in D colour flawless", spec("emerald", 3.0, "D", "FL")
    ),
    Case(
        "I want something between 1 and 1.5 carat, round, budget 70k",
        spec("round", (1.0, 1.5), budget=70_000),
    ),
    Case(
        "Show me ovals from 2 to 3 carats under 3 lakhs", spec("oval", (2.0, 3.0), budget=300_000)
    ),
    Case(
        "Please suggest a cushion cut diamond, 2ct, colour H, clarity SI1, cut very good, "
        "price upto 1.2 lakh",
        spec("cushion", 2.0, "H", "SI1", "very good", 120_000),
    ),
    Case("my budget is 50k, round please, 0.7 ct", spec("round", 0.7, budget=50_000)),
    Case(
        "Need a heart shaped diamond for anniversary, around 1 ct, H colour, budget 60000 rupees",
        spec("heart", 1.0, "H", budget=60_000),
    ),
    Case(
        "Would like a radiant, at least 2 carats, D to F, VVS",
        spec("radiant", (2.0, None), "D E F", "VVS1 VVS2"),
    ),
    Case("Is there any marquise 1ct under 40000?", spec("marquise", 1.0, budget=40_000)),
    Case(
        "Looking for a princess cut, 1.2 ct, colour G, ideal cut",
        spec("princess", 1.2, "G", cuts="ideal"),
    ),
    Case(
        "I'd like an oval diamond of about 1.5ct with VS1+ clarity, budget between 1 and 1.5 lakh",
        spec("oval", 1.5, clarities="FL IF VVS1 VVS2 VS1", budget=(L, 150_000)),
    ),
    Case("round, 1 carat or a bit more, max 90k", spec("round", 1.0, budget=90_000)),
    Case(
        "Good morning! Round 1ct G VS1 with good cut please",
        spec("round", 1.0, "G", "VS1", "good"),
    ),
    Case("round 1ct, fair price please", spec("round", 1.0)),
    Case("What do you have in 2 carat ovals?", spec("oval", 2.0)),
    Case("a pair of round studs, 0.5ct each", spec("round", 0.5)),
    Case("I want a round 1 ct I VS1", spec("round", 1.0, "I", "VS1")),
    Case("I am looking for round 1 ct", spec("round", 1.0)),
    Case("round 1ct IF you have", spec("round", 1.0)),
    Case("as soon as possible need round 1ct", spec("round", 1.0)),
    Case("I NEED A ROUND AS SOON AS POSSIBLE", spec("round")),
    Case("e.g. round 1ct", spec("round", 1.0)),
    Case("Show me something in old european cut, 1ct", spec("old european", 1.0)),
    Case("half moon 0.5ct side stones", spec("half moon", 0.5)),
    Case("teardrop 1ct for a pendant", spec("pear", 1.0)),
]

TRADE_SHORTHAND = [
    Case("AS 2ct G VS2 VG 1.2L", spec("asscher", 2.0, "G", "VS2", "very good", 120_000)),
    Case("raund 0.9 ct H SI1 good 30k", spec("round", 0.9, "H", "SI1", "good", 30_000)),
    Case("RD 1.01CT E VVS2 EX 95000/-", spec("round", 1.01, "E", "VVS2", "excellent", 95_000)),
    Case("OV 2.00 ct F VS1 VG INR 1,80,000", spec("oval", 2.0, "F", "VS1", "very good", 180_000)),
    Case("PR 1ct H SI2 GD 40k", spec("princess", 1.0, "H", "SI2", "good", 40_000)),
    Case("EM 1.5ct G VS2 3EX 1.1L", spec("emerald", 1.5, "G", "VS2", "excellent", 110_000)),
    Case("CU 3ct D FL ID 5L", spec("cushion", 3.0, "D", "FL", "ideal", 500_000)),
    Case("PS 1ct E IF EX 1.2 lakhs", spec("pear", 1.0, "E", "IF", "excellent", 120_000)),
    Case("round 1ct G vvs1/2", spec("round", 1.0, "G", "VVS1 VVS2")),
    Case("OV 1.5ct F SI1-2 50k", spec("oval", 1.5, "F", "SI1 SI2", budget=50_000)),
    Case("round 1ct G VS 1/2", spec("round", 1.0, "G", "VS1 VS2")),
    Case("RB 2.00 D FL", spec("round", 2.0, "D", "FL")),
    # A grade right before the budget field is the cut ("good budget" alone is not).
    Case(
        "round 1ct G VS1 excellent budget 75000",
        spec("round", 1.0, "G", "VS1", "excellent", 75_000),
    ),
    Case(
        "round 1ct G VS1 very good budget ₹75,000",
        spec("round", 1.0, "G", "VS1", "very good", 75_000),
    ),
    # Markup pasted from a web page is not read; "<" before money still is.
    Case("<b>round 1ct</b> G <i>VS1</i>", spec("round", 1.0, "G", "VS1")),
    Case("<p>Oval, 2ct, F</p><br/> <50k", spec("oval", 2.0, "F", budget=50_000)),
    Case("heart 1 carat D IF under 60k", spec("heart", 1.0, "D", "IF", budget=60_000)),
    Case("round 1,5 ct G VS1 80k", spec("round", 1.5, "G", "VS1", budget=80_000)),
    Case(
        "1.5ct round G VS1 under 1 lakh 20 thousand", spec("round", 1.5, "G", "VS1", budget=120_000)
    ),
    Case("round 1ct G VS1, if possible under 50k", spec("round", 1.0, "G", "VS1", budget=50_000)),
    Case("MQ 0.5ct J I1 VG 20k", spec("marquise", 0.5, "J", "I1", "very good", 20_000)),
    Case("HS 1ct K SI1 good 35k", spec("heart", 1.0, "K", "SI1", "good", 35_000)),
    Case("RAD 2ct E VS1 1.6 lacs", spec("radiant", 2.0, "E", "VS1", budget=160_000)),
    Case("RBC 0.5ct F VVS1 EX EX EX", spec("round", 0.5, "F", "VVS1", "excellent")),
    Case("rnd 1ct g vs1 3x", spec("round", 1.0, "G", "VS1", "excellent")),
    Case(
        "1ct RD D-F VVS-VS 3EX 80-90k",
        spec("round", 1.0, "D E F", "VVS1 VVS2 VS1 VS2", "excellent", (80_000, 90_000)),
    ),
    Case("2ct OV EF VS 1.5-2L", spec("oval", 2.0, "E F", "VS1 VS2", budget=(150_000, 200_000))),
    Case("0.30ct RB GH SI 12k", spec("round", 0.3, "G H", "SI1 SI2", budget=12_000)),
    Case("5ct cush D IF ID 15 lakh", spec("cushion", 5.0, "D", "IF", "ideal", 1_500_000)),
    Case(
        "1.5ct PS G VS2 VG+ 1L",
        spec("pear", 1.5, "G", "VS2", "ideal/excellent/very good", L),
    ),
    Case("RD 1ct G VS1 EX/VG 70k", spec("round", 1.0, "G", "VS1", "excellent/very good", 70_000)),
    Case("RD 1ct G VS1 VG/G 50k", spec("round", 1.0, "G", "VS1", "very good/good", 50_000)),
    Case("RD 1ct F VS2 cut G 45k", spec("round", 1.0, "F", "VS2", "good", 45_000)),
    Case("RD 1ct H VS2 G cut 45k", spec("round", 1.0, "H", "VS2", "good", 45_000)),
    Case("RD 1ct G VS2 cut EX", spec("round", 1.0, "G", "VS2", "excellent")),
    Case("ROUND 1CT G VS1 50K", spec("round", 1.0, "G", "VS1", budget=50_000)),
    Case("AS 1ct", spec("asscher", 1.0)),
    Case("2 pc round 1ct each", spec("round", 1.0)),
    Case("PRN 0.7ct F VS1", spec("princess", 0.7, "F", "VS1")),
    Case("1.5ct D VVS1 round 1.5L", spec("round", 1.5, "D", "VVS1", budget=150_000)),
    Case(
        "round 1ct G VS1 polish EX symmetry VG fluorescence F",
        spec("round", 1.0, "G", "VS1"),
    ),
    Case("round 1ct G VS1 no fluorescence", spec("round", 1.0, "G", "VS1")),
    Case("round 1ct G VS1 strong blue fluorescence", spec("round", 1.0, "G", "VS1")),
    Case("hearts and arrows round 1ct H&A", spec("round", 1.0)),
    Case("RD 1ct G VS1 LC", spec("round", 1.0, "G", "IF VS1")),
]

HINGLISH = [
    Case("mujhe 1 carat round chahiye 50k tak", spec("round", 1.0, budget=50_000)),
    Case(
        "1 carat ka round diamond dikhao, G colour, 60 hazar tak",
        spec("round", 1.0, "G", budget=60_000),
    ),
    Case("dedh lakh ka oval 1.5 carat", spec("oval", 1.5, budget=150_000)),
    Case("bhai 2 carat ka pear chahiye budget 1 lakh se kam", spec("pear", 2.0, budget=L)),
    Case(
        "koi bhi colour chalega, round 1 carat",
        spec("round", 1.0),
        said_any=frozenset({"color"}),
    ),
    Case("round 1ct 50k se 70k tak", spec("round", 1.0, budget=(50_000, 70_000))),
    Case(
        "emerald 2 carat, VVS, 2 lakh ke andar",
        spec("emerald", 2.0, clarities="VVS1 VVS2", budget=200_000),
    ),
    Case("ek carat ka heart shape, budget dhai lakh", spec("heart", 1.0, budget=250_000)),
    Case("mera budget 80k hai, oval 1 carat F VS1", spec("oval", 1.0, "F", "VS1", budget=80_000)),
    Case("1.5 carat round dikhaiye, price 1 lakh ke aas paas", spec("round", 1.5, budget=L)),
    Case("1 lakh se kam round", spec("round", budget=L)),
    Case("2 lakh se upar ka oval", spec("oval", budget=(200_000, None))),
    # "do" (two) is a number only before what it counts; "sawa" is one and a quarter.
    Case("round do carat", spec("round", 2.0)),
    Case("do lakh ka round 1 carat", spec("round", 1.0, budget=200_000)),
    Case("do you have round 1ct", spec("round", 1.0)),
    Case("round sawa carat", spec("round", 1.25)),
    Case("sawa lakh ka oval 1ct", spec("oval", 1.0, budget=125_000)),
]

TYPOS = [
    Case(
        "ovel 1.25 ct f vvs1 excelent cut 1.25 lakh",
        spec("oval", 1.25, "F", "VVS1", "excellent", 125_000),
    ),
    Case("emrald 2ct", spec("emerald", 2.0)),
    Case("cusion 1ct", spec("cushion", 1.0)),
    Case("marquis 0.7ct", spec("marquise", 0.7)),
    Case("rond 1ct G VS1", spec("round", 1.0, "G", "VS1")),
    Case("cushin 2 carat", spec("cushion", 2.0)),
    Case("radient 1.5ct", spec("radiant", 1.5)),
    Case("prinses 1ct", spec("princess", 1.0)),
    Case("hart shape 1ct", spec("heart", 1.0)),
    Case("ovla 2ct", spec("oval", 2.0)),
    Case("1.5 carrat round", spec("round", 1.5)),
    Case("1 crt round", spec("round", 1.0)),
    Case("round 1ct colur G", spec("round", 1.0, "G")),
    Case("round 1ct clarity vvs1 colour f", spec("round", 1.0, "F", "VVS1")),
    # A grade before its keyword, without a comma: "colour" closes H, "SI" opens "SI clarity".
    Case("round 1ct H colour SI clarity", spec("round", 1.0, "H", "SI1 SI2")),
    Case("round 1ct H colour SI", spec("round", 1.0, "H", "SI1 SI2")),
    Case("oval 2ct G colour VS1 clarity EX cut", spec("oval", 2.0, "G", "VS1", "excellent")),
    Case("round 1ct G vs 1", spec("round", 1.0, "G", "VS1")),
    Case("round 1ct exellent cut", spec("round", 1.0, cuts="excellent")),
    Case("assher 1ct", spec("asscher", 1.0)),
    Case("pair shape 1ct", spec("pear", 1.0)),
    Case("briliant 1ct", spec("round", 1.0)),
    Case("sheild 0.5ct", spec("shield", 0.5)),
    Case("marqise 1 carat", spec("marquise", 1.0)),
    Case("emerlad cut 2ct", spec("emerald", 2.0)),
    Case("peer shape 1ct", spec("pear", 1.0)),
    Case("my peer said round 1ct", spec("round", 1.0)),  # "peer" alone is a word
    Case("round 1ct very gud cut", spec("round", 1.0, cuts="very good")),
    Case("round 1ct gud cut", spec("round", 1.0, cuts="good")),
    Case("round 1ct G VS1 gud morning", spec("round", 1.0, "G", "VS1")),
    Case("round 1ct idel cut", spec("round", 1.0, cuts="ideal")),
    Case("round 1ct idel for engagement", spec("round", 1.0)),
]

RANGES = [
    Case(
        "1.5-2ct pear, D-F, VS1-VS2, EX, 50-60k",
        spec("pear", (1.5, 2.0), "D E F", "VS1 VS2", "excellent", (50_000, 60_000)),
    ),
    Case(
        "cushion 1.5 to 2 carat G-H VS1+ under 1 lakh",
        spec("cushion", (1.5, 2.0), "G H", "FL IF VVS1 VVS2 VS1", budget=L),
    ),
    Case("between 50k and 70k round 1ct", spec("round", 1.0, budget=(50_000, 70_000))),
    Case("round 1ct 1-1.5 lakh", spec("round", 1.0, budget=(L, 150_000))),
    Case(
        "oval 2-3ct E-G VVS1-VS1 2-3 lakh",
        spec("oval", (2.0, 3.0), "E F G", "VVS1 VVS2 VS1", budget=(200_000, 300_000)),
    ),
    Case("round 0.5-0.7 ct", spec("round", (0.5, 0.7))),
    Case("round 1ct to 1.5ct", spec("round", (1.0, 1.5))),
    Case("round 1.5 - 2 carats", spec("round", (1.5, 2.0))),
    Case(
        "round 1ct+ G+ VS2 or better",
        spec("round", (1.0, None), "D E F G", "FL IF VVS1 VVS2 VS1 VS2"),
    ),
    Case("round above 2 carat", spec("round", (2.0, None))),
    Case("round under 1 ct", spec("round", (None, 1.0))),
    Case("round upto 2ct, upto 2L", spec("round", (None, 2.0), budget=200_000)),
    Case("round 1ct ₹50,000-₹60,000", spec("round", 1.0, budget=(50_000, 60_000))),
    Case("round 1ct 50000-60000 rs", spec("round", 1.0, budget=(50_000, 60_000))),
    Case("round 1ct Rs 50,000 to Rs 70,000", spec("round", 1.0, budget=(50_000, 70_000))),
    Case("round 1ct 1.5 to 2 lakh", spec("round", 1.0, budget=(150_000, 200_000))),
    Case("round 1ct min 50k max 80k", spec("round", 1.0, budget=(50_000, 80_000))),
    Case("round 1ct 50k+", spec("round", 1.0, budget=(50_000, None))),
    Case("round 1ct from 1 lakh", spec("round", 1.0, budget=(L, None))),
    Case("round 1ct 1 crore", spec("round", 1.0, budget=10_000_000)),
    Case("round 10ct 2 cr", spec("round", 10.0, budget=20_000_000)),
    Case("round G-I VS2", spec("round", colors="G H I", clarities="VS2")),
    Case("round colour I-K", spec("round", colors="I J K")),
    Case("round D/E VVS1/VVS2", spec("round", colors="D E", clarities="VVS1 VVS2")),
    Case("round SI1-SI2 J-K", spec("round", colors="J K", clarities="SI1 SI2")),
    Case("round 0.9 - 1.2 G VS1", spec("round", (0.9, 1.2), "G", "VS1")),
    Case("round 1 ct G to H vs1 or vs2", spec("round", 1.0, "G H", "VS1 VS2")),
    Case("round 1 ct D/E/F", spec("round", 1.0, "D E F")),
    Case("10 pointer round", spec("round", 0.1)),
    Case("50 cent round G SI1", spec("round", 0.5, "G", "SI1")),
    Case("round half carat", spec("round", 0.5)),
    Case("between 1ct and 2ct round", spec("round", (1.0, 2.0))),
    Case("round 1ct 50k max", spec("round", 1.0, budget=50_000)),
    Case("round 1ct less than 60k", spec("round", 1.0, budget=60_000)),
    Case("round 1ct atleast 40k", spec("round", 1.0, budget=(40_000, None))),
    # A minimum budget, however it is said; "min"/"max" before "budget" is the budget's.
    Case("round 1ct minimum budget 1 lakh", spec("round", 1.0, budget=(L, None))),
    Case("round 1ct min budget 1 lakh", spec("round", 1.0, budget=(L, None))),
    Case("round 1ct budget minimum 1 lakh", spec("round", 1.0, budget=(L, None))),
    Case("round 1ct at least 1 lakh", spec("round", 1.0, budget=(L, None))),
    Case("round 1ct above 1 lakh", spec("round", 1.0, budget=(L, None))),
    Case("round 1ct 1 lakh se upar", spec("round", 1.0, budget=(L, None))),
    Case("round 1ct max budget 70k", spec("round", 1.0, budget=70_000)),
    Case("round 1ct minimum, budget 1 lakh", spec("round", (1.0, None), budget=L)),
    Case("round 1ct+ budget 50k", spec("round", (1.0, None), budget=50_000)),
    Case("round 1ct no budget", spec("round", 1.0)),
    # "X +/- Y" is the range X-Y to X+Y.
    Case(
        "round 1.5ct G VS1 budget 1 lakh +/- 10k",
        spec("round", 1.5, "G", "VS1", budget=(90_000, 110_000)),
    ),
    Case("round 1.5ct budget 1 lakh ± 10k", spec("round", 1.5, budget=(90_000, 110_000))),
    Case("round 1.5ct 1 lakh plus minus 10k", spec("round", 1.5, budget=(90_000, 110_000))),
    Case("round 1.5ct 1L give or take 10k", spec("round", 1.5, budget=(90_000, 110_000))),
    Case("round 1ct 80k +- 5k", spec("round", 1.0, budget=(75_000, 85_000))),
    Case("round 1ct around 1 lakh +/- 10%", spec("round", 1.0, budget=(90_000, 110_000))),
    Case(
        "round 1ct 1.5 lakh plus or minus 10 thousand",
        spec("round", 1.0, budget=(140_000, 160_000)),
    ),
    Case("round 1ct 50k+ G VS1", spec("round", 1.0, "G", "VS1", budget=(50_000, None))),
    # "min VS2" is VS2 or better; "better than H" leaves H out (G or better).
    Case("round 1ct min VS2", spec("round", 1.0, clarities="FL IF VVS1 VVS2 VS1 VS2")),
    Case("round 1ct better than H", spec("round", 1.0, "D E F G")),
    Case(
        "round 1ct colour better than H, clarity minimum VS2",
        spec("round", 1.0, "D E F G", "FL IF VVS1 VVS2 VS1 VS2"),
    ),
    Case("round 1ct at least G VS1", spec("round", 1.0, "D E F G", "VS1")),
    Case("oval 2ct at least excellent cut", spec("oval", 2.0, cuts="ideal/excellent")),
    Case("round 1ct better than D", spec("round", 1.0, "D")),
    Case("round 1ct better than natural", spec("round", 1.0)),
]

PARTIAL = [
    # Beside a stone's description a bare figure can only be the budget (seed format sans ₹).
    Case("round 50000", spec("round", budget=50_000)),
    Case("Round, 1.5ct, D, VS1, Ideal, 100000", spec("round", 1.5, "D", "VS1", "ideal", 100_000)),
    Case("round 1ct pincode 400001", spec("round", 1.0)),
    Case("round", spec("round")),
    Case("1ct", spec(carat=1.0)),
    Case("G VS1", spec(colors="G", clarities="VS1")),
    Case("under 50k", spec(budget=50_000)),
    Case("oval please", spec("oval")),
    Case("ideal cut", spec(cuts="ideal")),
    Case("VVS2", spec(clarities="VVS2")),
    Case("budget 2 lakh", spec(budget=200_000)),
    Case("D colour", spec(colors="D")),
    Case("something in 1.5 carat", spec(carat=1.5)),
    Case("cushion 2ct", spec("cushion", 2.0)),
    Case("emerald, VS1", spec("emerald", clarities="VS1")),
    Case("1.2L", spec(budget=120_000)),
    Case("50k", spec(budget=50_000)),
    Case("IF", spec(clarities="IF")),
    Case("round 1.5 G VS1", spec("round", 1.5, "G", "VS1")),
    Case("round around 1.5", spec("round", 1.5)),
    Case("round, 1ct, 1,20,000", spec("round", 1.0, budget=120_000)),
    Case("1,00,000", spec(budget=L)),
    Case("round 1ct budget ₹ 95,000/-", spec("round", 1.0, budget=95_000)),
    Case("round 1ct 95000/-", spec("round", 1.0, budget=95_000)),
    Case("round 1ct INR 75000", spec("round", 1.0, budget=75_000)),
    Case("round 1ct 75000 rupees", spec("round", 1.0, budget=75_000)),
    Case("round 1ct rs.75000", spec("round", 1.0, budget=75_000)),
    # A bare figure before a grade or shape is the price, not a count of it.
    Case("1ct round 75000 G VS1", spec("round", 1.0, "G", "VS1", budget=75_000)),
    Case("oval 2 ct 10000 ideal", spec("oval", 2.0, cuts="ideal", budget=10_000)),
    Case("1.5 ct 150000 oval", spec("oval", 1.5, budget=150_000)),
    Case("round 1ct 5000 pcs", spec("round", 1.0)),
    Case("Rs.1.5L round", spec("round", budget=150_000)),
    Case("1.5 ct round G VS1 1.5", spec("round", 1.5, "G", "VS1")),
    Case(
        "18k white gold ring with 1ct round G VS1 60k",
        spec("round", 1.0, "G", "VS1", budget=60_000),
    ),
    Case("18 carat gold ring with round 0.5 ct diamond", spec("round", 0.5)),
    Case("yellow gold ring with 1ct round", spec("round", 1.0)),
    Case("round 1ct G VS1 in rose gold", spec("round", 1.0, "G", "VS1")),
    Case("very good cut", spec(cuts="very good")),
    Case("carat 1.5", spec(carat=1.5)),
    Case("weight: 2", spec(carat=2.0)),
]

NOTHING_SAID = [
    "",
    "hello",
    "hi good morning",
    "ok thanks",
    "what is the price of gold today",
    "call me at 9876543210",
    "asdfghjkl",
    "?!?!",
    "1",
    "2",
    "12345678901234567890",
    "I am fine, how are you",
    "Do you have a store in Surat?",
    "can u send pics",
    "n",
    "k",
    "good morning sir",
    "lol 😂😂😂",
    "💍💍💍",
    "order status 12345",
    "my pincode is 400001",
    "do you deliver to 560001?",
    "thank you so much!!",
    "where is my order",
    "\n\t  \n",
]

EMOJIS_AND_NOISE = [
    Case("💎💎 round 1ct G VS1 💍 50k 😍", spec("round", 1.0, "G", "VS1", budget=50_000)),
    Case("😍 oval 2ct ✨ F VVS1 ✨ 2L 🙏", spec("oval", 2.0, "F", "VVS1", budget=200_000)),
    Case("round💎1ct", spec("round", 1.0)),
    Case("🔥1.5ct🔥pear🔥", spec("pear", 1.5)),
    Case("*Round* _1ct_ ~G~ VS1!!!", spec("round", 1.0, "G", "VS1")),
    Case("ROUND—1.5CT—D—VS1", spec("round", 1.5, "D", "VS1")),
    Case("round 1–1.5 ct", spec("round", (1.0, 1.5))),
    Case("１．５ｃｔ ｒｏｕｎｄ", spec("round", 1.5)),
    Case("round\n1ct\nG\nVS1\n50k", spec("round", 1.0, "G", "VS1", budget=50_000)),
]

NOT_PLAUSIBLE = [
    Case("90 ct round", spec("round"), unclear=(("carat", "90 ct"),)),
    Case("round 0.001ct", spec("round"), unclear=(("carat", "0.001ct"),)),
    Case("colour Q9 round 1ct", spec("round", 1.0), unclear=(("color", "Q9"),)),
    Case("round 1ct ₹10", spec("round", 1.0), unclear=(("budget", "₹10"),)),
    Case("round 1ct 60 crore", spec("round", 1.0), unclear=(("budget", "60 crore"),)),
    Case("clarity VS3 round", spec("round"), unclear=(("clarity", "VS3"),)),
    Case("round 1ct colour AB", spec("round", 1.0), unclear=(("color", "AB"),)),
    Case("round 1ct H colour AB", spec("round", 1.0, "H"), unclear=(("color", "AB"),)),
    Case("round 1ct colour SI", spec("round", 1.0), unclear=(("color", "SI"),)),
    Case("50000", spec(), unclear=(("budget", "50000"),)),  # nothing says it is money
    Case("under 2 round", spec("round"), unclear=(("text", "under 2"),)),
    Case("round 1ct budget 10", spec("round", 1.0), unclear=(("budget", "budget 10"),)),
    Case(
        "above 2ct under 1ct",
        spec(),
        unclear=(("carat", "above 2ct under 1ct"),),
    ),
    Case(
        "round 1ct under 50k above 80k",
        spec("round", 1.0),
        unclear=(("budget", "under 50k, above 80k"),),  # contradiction
    ),
    Case("round 45.5", spec("round"), unclear=(("carat", "45.5"),)),
    Case("round 1ct cut 5", spec("round", 1.0), unclear=(("cut", "5"),)),
    Case("round 1ct Rs 5", spec("round", 1.0), unclear=(("budget", "Rs 5"),)),
    # Another currency: the store prices in rupees, so the amount is asked again in ₹.
    Case("round 1ct G under $1200", spec("round", 1.0, "G"), unclear=(("budget", "under $1200"),)),
    Case("round 1ct 1500 usd", spec("round", 1.0), unclear=(("budget", "1500 usd"),)),
    Case("round 1ct G VVS3", spec("round", 1.0, "G"), unclear=(("clarity", "VVS3"),)),
    Case("round 35 carat", spec("round"), unclear=(("carat", "35 carat"),)),
    Case("round 1ct 1-90 ct", spec("round", 1.0), unclear=(("carat", "1-90 ct"),)),
]

SHAPE_IN_DOUBT = [
    Case("round or oval 1ct", spec(carat=1.0), candidates=("round", "oval")),
    Case(
        "square 1ct G VS",
        spec(carat=1.0, colors="G", clarities="VS1 VS2"),
        candidates=("princess", "asscher", "cushion", "radiant"),
    ),
    Case("rilliant 1ct", spec(carat=1.0), candidates=("round", "trillion")),
    Case("rectangular 2ct", spec(carat=2.0), candidates=("emerald", "radiant")),
    Case("square cushion 2ct", spec("cushion", 2.0)),
    Case("pear/oval 1ct", spec(carat=1.0), candidates=("pear", "oval")),
    Case("round or round brilliant", spec("round")),
]

FANCY = [
    Case("fancy yellow 1ct radiant", spec("radiant", 1.0), fancy="fancy yellow"),
    Case("pink diamond 1 carat", spec(carat=1.0), fancy="fancy pink"),
    Case("fancy intense blue oval 2ct", spec("oval", 2.0), fancy="fancy intense blue"),
    Case("canary yellow cushion", spec("cushion"), fancy="fancy yellow"),
    Case("white gold setting, round 1ct", spec("round", 1.0)),
    Case("fancy colour diamonds?", spec(), fancy="fancy colour"),
    Case("green or blue oval", spec("oval"), fancy="fancy green or fancy blue"),
    Case("colour yellow round 1ct", spec("round", 1.0), fancy="fancy yellow"),
    Case("round 1ct not sure, maybe yellow", spec("round", 1.0), fancy="fancy yellow"),
    Case("round 1ct not yellow but pink", spec("round", 1.0), fancy="fancy pink"),
]

# A negated colour wishes for a white stone: the rest reads as usual, no grade is made up.
NEGATED_COLOUR = [
    Case("round 1 carat, no yellow tint, 70k", spec("round", 1.0, budget=70_000)),
    Case(
        "round 1ct G VS1 70k, no brown or green tint",
        spec("round", 1.0, "G", "VS1", budget=70_000),
    ),
    Case("round 1ct, not pink, 70k", spec("round", 1.0, budget=70_000)),
    Case("round 1ct not too yellow 70k", spec("round", 1.0, budget=70_000)),
    Case(
        "round shape, maybe 1 carat, colour should be white not yellow, budget 60 to 70 thousand",
        spec("round", 1.0, budget=(60_000, 70_000)),
    ),
    Case("oval 2ct without any yellow tint, F VS1", spec("oval", 2.0, "F", "VS1")),
    Case("round 1ct dont want yellow", spec("round", 1.0)),
    Case("round 1ct no fancy colour 70k", spec("round", 1.0, budget=70_000)),
    Case("round 1ct not sure about colour", spec("round", 1.0)),
    Case("no yellow gold, round 1ct", spec("round", 1.0)),
]


def _but(scale: type[Color] | type[Clarity], *left_out: str) -> str:
    """Every grade of `scale` except those left out, as `spec` takes them."""
    return " ".join(g.value for g in scale if g.value not in left_out)


# A grade turned down is taken out (see grade_negation): on the lower part of a scale
# (clarity VS1, colour I, cut very good and worse) the worse grades go too.
_EYE_CLEAN = "FL IF VVS1 VVS2 VS1 VS2"
REFUSED_GRADES = [
    Case("round 1ct G 70k, no SI clarity", spec("round", 1.0, "G", _EYE_CLEAN, budget=70_000)),
    Case(
        "round 1ct VS1 70k, any colour except H",
        spec("round", 1.0, _but(Color, "H"), "VS1", budget=70_000),
    ),
    Case(
        "round 1ct VS1 70k, any colour, except H",
        spec("round", 1.0, _but(Color, "H"), "VS1", budget=70_000),
    ),
    Case("dont want very good cut", spec(cuts="ideal/excellent")),
    Case("round 1ct dont want very good, only excellent cut", spec("round", 1.0, cuts="excellent")),
    Case("round 1ct cut not very good", spec("round", 1.0, cuts="ideal/excellent")),
    Case("I don't want SI, round 1ct", spec("round", 1.0, clarities=_EYE_CLEAN)),
    Case("round 1ct without SI", spec("round", 1.0, clarities=_EYE_CLEAN)),
    Case("round 1ct G VS1 without SI", spec("round", 1.0, "G", "VS1")),
    Case("round 1ct no I/J, VS1", spec("round", 1.0, "D E F G H", "VS1")),
    Case("oval 2ct colour not K", spec("oval", 2.0, "D E F G H I J")),
    Case("round 1ct no N colour", spec("round", 1.0, "D E F G H I J K L M")),
    Case("round 1ct colour should not be H", spec("round", 1.0, _but(Color, "H"))),
    Case("round 1ct G or H, not H", spec("round", 1.0, "G")),
    # Above the lower part only the grade refused goes: VVS is too dear, not too poor.
    Case("round 1ct no VVS", spec("round", 1.0, clarities=_but(Clarity, "VVS1", "VVS2"))),
    Case("round 1ct except D", spec("round", 1.0, _but(Color, "D"))),
    # Not refusals: a fallback, a suggestion, a comma ending the refusal, "not below".
    Case("round 1ct VS1, if not VS1 then VS2", spec("round", 1.0, clarities="VS1 VS2")),
    Case("round 1ct why not G?", spec("round", 1.0, "G")),
    Case("round 1ct no SI, VS1 please", spec("round", 1.0, clarities="VS1")),
    Case("round 1ct not below VS2", spec("round", 1.0, clarities=_EYE_CLEAN)),
    Case(
        "round 1ct G VS1 no fluorescence, not more than 70k",
        spec("round", 1.0, "G", "VS1", budget=70_000),
    ),
    # "no good" is a verdict on what was shown; with "cut" it refuses the grade.
    Case("that is no good, show oval", spec("oval")),
    Case("round 1ct no good cut", spec("round", 1.0, cuts="ideal/excellent/very good")),
    # Refusing every grade asked for leaves nothing to search: asked back.
    Case("round 1ct VS1, not VS1", spec("round", 1.0), unclear=(("clarity", "not VS1"),)),
]

_BUDGET = frozenset({"budget"})
_VS1_70K = spec("round", 1.0, clarities="VS1", budget=70_000)

LEFT_OPEN = [
    Case(
        "any colour, VS1, round 1ct, 50k",
        spec("round", 1.0, clarities="VS1", budget=50_000),
        said_any=frozenset({"color"}),
    ),
    Case(
        "Need oval 2 ct, no preference on cut, any clarity",
        spec("oval", 2.0),
        said_any=frozenset({"cut", "clarity"}),
    ),
    Case("round 1ct, colour doesn't matter", spec("round", 1.0), said_any=frozenset({"color"})),
    Case(
        "any shape, 1 carat, under 1 lakh", spec(carat=1.0, budget=L), said_any=frozenset({"shape"})
    ),
    Case(
        "any size round G VS1",
        spec("round", colors="G", clarities="VS1"),
        said_any=frozenset({"carat"}),
    ),
    Case("round, budget no limit", spec("round"), said_any=frozenset({"budget"})),
    *(
        Case(f"round 1ct G VS1, {words}", spec("round", 1.0, "G", "VS1"), said_any=_BUDGET)
        for words in ("budget is not an issue", "budget no problem", "money is not a problem")
    ),
    Case("round 1ct, colour not an issue", spec("round", 1.0), said_any=frozenset({"color"})),
    Case("no problem, round 1ct budget 50k", spec("round", 1.0, budget=50_000)),
    Case("cut and colour any", spec(), said_any=frozenset({"cut", "color"})),
    Case("shape koi bhi, 1 carat", spec(carat=1.0), said_any=frozenset({"shape"})),
    # "no" after the field's name opens it; it is never the colour run N-O.
    *(
        Case(f"round 1ct VS1 70k, colour {words}", _VS1_70K, said_any=frozenset({"color"}))
        for words in ("no preference", "no bar", "no idea", "no issue", "dont know")
    ),
    Case("round colour N VS1", spec("round", colors="N", clarities="VS1")),
    Case("round 1ct colour N-O", spec("round", 1.0, "N O")),
]

_LONG_STORY = (
    "Hello team, my cousin bought from you last year and she was very happy, so I am writing. "
    "We are getting engaged in December and I have been reading a lot about lab grown stones. "
    "After a lot of thinking I would like an oval, roughly 2 carats (maybe 2.2 if the price "
    "is right), colour F or G, clarity VS1 or VVS2, and the cut must be excellent. "
    "My budget is 2 to 2.5 lakh. I also want to know about certification and delivery to "
    "Pune. Please also tell me about resizing, and whether you do engraving. Thanks a lot! "
) * 2
LONG = [
    Case(
        _LONG_STORY,
        spec("oval", 2.0, "F G", "VVS2 VS1", "excellent", (200_000, 250_000)),
    ),
    Case("please " * 500 + "round 1ct G VS1", spec("round", 1.0, "G", "VS1")),
]

# Whole carats where the seed puts the weight, and fractions as people say them.
WHOLE_AND_FRACTIONS = [
    Case(
        "Round, 2, G, VS2, Excellent, 80000",
        spec("round", 2.0, "G", "VS2", "excellent", 80_000),
    ),
    Case("Round, 1, F, VS1, Ideal, 50000", spec("round", 1.0, "F", "VS1", "ideal", 50_000)),
    Case("round 2 G VS2", spec("round", 2.0, "G", "VS2")),
    Case("oval 3 under 3 lakh", spec("oval", 3.0, budget=3 * L)),
    Case("round 25 G", spec("round", colors="G")),  # 25 ct? a price? not guessed
    Case("2 round stones", spec("round")),  # a number before the shape is a count
    Case("3/4 carat round", spec("round", 0.75)),
    Case("round 1 1/2 ct", spec("round", 1.5)),
    Case("1 n half carat round", spec("round", 1.5)),
    Case("round 1-1/2ct G", spec("round", 1.5, "G")),
    Case("1½ ct pear", spec("pear", 1.5)),
    Case("1 and half carat round G VS1 under 1 lakh", spec("round", 1.5, "G", "VS1", budget=L)),
    Case("one and a half carat oval", spec("oval", 1.5)),
    Case("round 1ct under 2 1/2 lakh", spec("round", 1.0, budget=250_000)),
    Case("1/3 ct pear", spec("pear", 0.333)),
    Case("12/03 round 1ct", spec("round", 1.0)),  # a date, not a fraction
]

# A size in mm is never a weight: a round's diameter reads through the size chart as a
# carat range; any other size is asked about.
SIZES = [
    Case(
        "round 5mm G VS1 any budget",
        spec("round", (0.41, 0.5), "G", "VS1"),
        said_any=frozenset({"budget"}),
    ),
    Case("round 6.5mm G VS1 1 lakh", spec("round", (0.9, 1.1), "G", "VS1", budget=L)),
    # A decimal comma, as before "ct": never "6" (ct) and "5mm".
    Case("round 6,5mm G VS1 1 lakh", spec("round", (0.9, 1.1), "G", "VS1", budget=L)),
    Case("round 6,5 mm", spec("round", (0.9, 1.1))),
    Case("round 5,5-6,5mm", spec("round", (0.56, 1.1))),
    Case("round 5.2 mm", spec("round", (0.45, 0.55))),
    Case("round 5-5.5mm", spec("round", (0.41, 0.69))),
    Case("round 1ct 6.5mm", spec("round", 1.0)),  # the weight said wins
    Case("oval 7x5mm", spec("oval"), unclear=(("carat", "7x5mm"),)),
    Case(
        "oval 7 x 5 mm F VS1",
        spec("oval", colors="F", clarities="VS1"),
        unclear=(("carat", "7 x 5 mm"),),
    ),
    Case("oval 7x5 F VS1", spec("oval", colors="F", clarities="VS1"), unclear=(("carat", "7x5"),)),
    Case("oval 5mm", spec("oval"), unclear=(("carat", "5mm"),)),
    Case("5mm G VS1", spec(colors="G", clarities="VS1"), unclear=(("carat", "5mm"),)),
    Case("round 2mm", spec("round"), unclear=(("carat", "2mm"),)),
    Case("round 7mm", spec("round"), unclear=(("carat", "7mm"),)),
    Case("2 x 1ct round", spec("round", 1.0)),  # two stones of 1 ct
]

_G_VS1_70K = spec("round", 1.0, "G", "VS1", budget=70_000)

# When and where it is wanted: a time, a date or a PIN code is never a weight or a budget.
TIMES = [
    Case("round 1ct G VS1 70k, need it within 2 weeks", _G_VS1_70K),
    Case("round 1ct G VS1 70k in 10 days", _G_VS1_70K),
    Case("round 1ct G VS1 70k by 15th", _G_VS1_70K),
    Case("round 1ct G VS1 70k 2 hafte me", _G_VS1_70K),
    Case("round 1ct G VS1 70k, delivery in 5 working days", _G_VS1_70K),
    Case("round 1ct G VS1 within 2-3 weeks 70k", _G_VS1_70K),
    Case("round 1ct G VS1 by 15 march, 70k", _G_VS1_70K),
    Case(
        "round G VS1 70k, within 2 weeks", spec("round", colors="G", clarities="VS1", budget=70_000)
    ),
    Case("oval, 2 weeks delivery", spec("oval")),  # not "Oval, 2" (ct)
    Case("round 2 G VS1 by 20th dec", spec("round", 2.0, "G", "VS1")),
    # Where: a PIN code after a word about delivery is no budget.
    Case("round 1ct G VS1 70k, deliver to 560001?", _G_VS1_70K),
    Case("round 1ct G VS1, deliver to 560001?", spec("round", 1.0, "G", "VS1")),
    Case("round 1ct G VS1 70k, ship to 110001", _G_VS1_70K),
    # Still a budget, still a weight.
    Case("round 1ct G VS1 within 1 lakh", spec("round", 1.0, "G", "VS1", budget=L)),
    Case(
        "round 1ct G VS1 budget 150000, deliver to 560001",
        spec("round", 1.0, "G", "VS1", budget=150_000),
    ),
    Case("round 1ct G VS1, 150000", spec("round", 1.0, "G", "VS1", budget=150_000)),
    Case("round 1 may be fine", spec("round", 1.0)),
]

ALL_CASES = (
    WHOLE_AND_FRACTIONS
    + SEED_FORMAT
    + FREE_SENTENCES
    + TRADE_SHORTHAND
    + HINGLISH
    + TYPOS
    + RANGES
    + PARTIAL
    + EMOJIS_AND_NOISE
    + NOT_PLAUSIBLE
    + SHAPE_IN_DOUBT
    + FANCY
    + NEGATED_COLOUR
    + LEFT_OPEN
    + REFUSED_GRADES
    + LONG
    + SIZES
    + TIMES
)


def _observed(reading: SpecReading) -> Case:
    return Case(
        text="",
        spec=reading.spec,
        unclear=tuple((u.field, u.text) for u in reading.unclear),
        candidates=tuple(s.value for s in reading.shape_candidates),
        fancy=reading.fancy_color,
        said_any=reading.said_any,
    )


def _expected(case: Case) -> Case:
    return Case("", case.spec, case.unclear, case.candidates, case.fancy, case.said_any)


def _ids(cases: list[Case]) -> list[str]:
    return [c.text[:60] for c in cases]


def test_the_table_holds_at_least_150_messages() -> None:
    assert len(ALL_CASES) + len(NOTHING_SAID) >= 150


@pytest.mark.parametrize("case", WHOLE_AND_FRACTIONS, ids=_ids(WHOLE_AND_FRACTIONS))
def test_whole_carats_and_fractions_read_as_weights(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", SEED_FORMAT, ids=_ids(SEED_FORMAT))
def test_the_seed_format_reads_in_full(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", FREE_SENTENCES, ids=_ids(FREE_SENTENCES))
def test_free_sentences_read_as_the_customer_meant(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", TRADE_SHORTHAND, ids=_ids(TRADE_SHORTHAND))
def test_trade_shorthand_reads_like_a_dealer_means_it(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", HINGLISH, ids=_ids(HINGLISH))
def test_hinglish_phrasing_reads_correctly(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", TYPOS, ids=_ids(TYPOS))
def test_common_misspellings_are_forgiven(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", RANGES, ids=_ids(RANGES))
def test_ranges_and_bounds_give_minimum_and_maximum(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", PARTIAL, ids=_ids(PARTIAL))
def test_partial_specs_leave_the_rest_unknown(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("text", NOTHING_SAID)
def test_messages_without_a_spec_read_as_nothing_at_all(text: str) -> None:
    reading = read_diamond_spec(text)
    assert _observed(reading) == Case("", spec())


@pytest.mark.parametrize("case", EMOJIS_AND_NOISE, ids=_ids(EMOJIS_AND_NOISE))
def test_emojis_and_decoration_do_not_get_in_the_way(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", NOT_PLAUSIBLE, ids=_ids(NOT_PLAUSIBLE))
def test_impossible_values_are_reported_and_never_used(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", SHAPE_IN_DOUBT, ids=_ids(SHAPE_IN_DOUBT))
def test_a_shape_in_doubt_is_asked_about_not_guessed(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", FANCY, ids=_ids(FANCY))
def test_fancy_colours_are_reported_not_dropped(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", NEGATED_COLOUR, ids=_ids(NEGATED_COLOUR))
def test_a_negated_colour_asks_for_a_white_stone(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", LEFT_OPEN, ids=_ids(LEFT_OPEN))
def test_fields_left_open_on_purpose_are_noted(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", REFUSED_GRADES, ids=_ids(REFUSED_GRADES))
def test_grades_turned_down_are_taken_out(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", SIZES, ids=_ids(SIZES))
def test_sizes_in_mm_are_never_read_as_carats(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


@pytest.mark.parametrize("case", TIMES, ids=_ids(TIMES))
def test_times_and_dates_are_never_a_weight_or_a_budget(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)


def test_a_rounds_diameter_is_said_back_as_an_estimate() -> None:
    [estimate] = read_diamond_spec("round 6.5mm G VS1").size_estimates
    assert (estimate.size, estimate.carats, estimate.low, estimate.high) == ("6.5mm", 1.0, 0.9, 1.1)


@pytest.mark.parametrize("case", LONG, ids=_ids(LONG))
def test_long_messages_are_read_in_full(case: Case) -> None:
    assert _observed(read_diamond_spec(case.text)) == _expected(case)
