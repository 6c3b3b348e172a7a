"""Self-test of the GUM scoring rules: python3 -m unittest tests/eval/test_gum.py"""

import collections
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gum  # noqa: E402
from gum import Span  # noqa: E402


def span(text, sub, type_, nth=0, **kw):
    """The nth occurrence of sub in text as a Span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span(start, start + len(sub), type_, sub, **kw)


class NameCore(unittest.TestCase):
    def core(self, s):
        cs, ce = gum.name_core(s, 0, len(s))
        return s[cs:ce]

    def test_determiner_and_possessive(self):
        self.assertEqual(self.core("the United States"), "United States")
        self.assertEqual(self.core("The Onion"), "Onion")
        self.assertEqual(self.core("Trump 's"), "Trump")
        self.assertEqual(self.core("the Church of Scientology 's"), "Church of Scientology")
        self.assertEqual(self.core("the Beatles '"), "Beatles")
        self.assertEqual(self.core("Theresa May"), "Theresa May")  # "The" only as a word
        self.assertEqual(self.core("the"), "the")  # never empty


class Hits(unittest.TestCase):
    def test_exact_hit(self):
        t = "Dean Kamen founded it"
        g = span(t, "Dean Kamen", "person", proper=True)
        self.assertTrue(gum.hits(span(t, "Dean Kamen", "person"), g, t))

    def test_type_mismatch(self):
        t = "Dean Kamen founded it"
        g = span(t, "Dean Kamen", "person", proper=True)
        self.assertFalse(gum.hits(span(t, "Dean Kamen", "place"), g, t))
        self.assertTrue(gum.hits(span(t, "Dean Kamen", "place"), g, t, typed=False))

    def test_determiner(self):
        t = "visas to enter the United States until"
        g = span(t, "the United States", "place", proper=True)
        self.assertTrue(gum.hits(span(t, "United States", "place"), g, t))
        self.assertTrue(gum.hits(span(t, "the United States", "place"), g, t))

    def test_possessive(self):
        t = "President Donald Trump 's policies"
        g = span(t, "President Donald Trump 's", "person", proper=True)
        self.assertTrue(gum.hits(span(t, "Donald Trump", "person"), g, t))
        # a prediction may not stick out of the gold span
        self.assertFalse(gum.hits(span(t, "Trump 's policies", "person"), g, t))

    def test_title_then_name(self):
        t = "said US President Barack Obama today"
        g = span(t, "US President Barack Obama", "person", proper=True)
        self.assertTrue(gum.hits(span(t, "Barack Obama", "person"), g, t))  # ends the core
        self.assertFalse(gum.hits(span(t, "US President", "person"), g, t))  # under half, not end

    def test_half_of_core(self):
        t = "held in Washington D.C. this week"
        g = span(t, "Washington D.C.", "place", proper=True)
        self.assertTrue(gum.hits(span(t, "Washington", "place"), g, t))

    def test_nested(self):
        t = "Afghan Ambassador to the United States Hamdullah Mohib said"
        outer = span(t, "Afghan Ambassador to the United States Hamdullah Mohib", "person")
        inner = span(t, "the United States", "place", proper=True)
        us = span(t, "United States", "place")
        mohib = span(t, "Hamdullah Mohib", "person")
        self.assertTrue(gum.hits(us, inner, t))
        self.assertFalse(gum.hits(us, outer, t))  # wrong type for the outer NP
        self.assertTrue(gum.hits(mohib, outer, t))
        self.assertTrue(gum.is_correct(us, [outer, inner]))
        self.assertTrue(gum.is_correct(mohib, [outer, inner]))
        self.assertFalse(gum.is_gold_name(outer, t))  # not proper: no recall credit needed


class GoldNames(unittest.TestCase):
    def test_pronouns_are_not_names(self):
        t = "We said I went there"
        self.assertFalse(gum.is_gold_name(span(t, "We", "organization", proper=True), t))
        self.assertFalse(gum.is_gold_name(span(t, "I", "person", proper=True), t))

    def test_other_types_and_descriptions(self):
        t = "the Olympics in Sochi and the team"
        self.assertFalse(gum.is_gold_name(span(t, "the Olympics", "event", proper=True), t))
        self.assertFalse(gum.is_gold_name(span(t, "the team", "organization"), t))
        self.assertTrue(gum.is_gold_name(span(t, "Sochi", "place", proper=True), t))


class Precision(unittest.TestCase):
    def test_false_positive(self):
        t = "Montalvo met Mark Rathbun"
        golds = [span(t, "Mark Rathbun", "person", proper=True)]
        self.assertFalse(gum.is_correct(span(t, "Montalvo", "place"), golds))
        self.assertFalse(gum.is_correct(span(t, "Mark Rathbun", "place"), golds))
        self.assertTrue(gum.is_correct(span(t, "Rathbun", "person"), golds))

    def test_lowercase_is_not_a_name(self):
        t = "we won"
        golds = [span(t, "we", "organization")]
        self.assertFalse(gum.is_correct(span(t, "we", "organization"), golds))

    def test_name_inside_description(self):
        t = "the Hall in Washington D.C. was full"
        golds = [span(t, "the Hall in Washington D.C.", "place")]
        self.assertTrue(gum.is_correct(span(t, "Washington D.C.", "place"), golds))


class ScoreDoc(unittest.TestCase):
    def test_counts(self):
        t = "Mexico City and Montalvo and Google 's office and the United States"
        golds = [
            span(t, "Mexico City", "place", proper=True),
            span(t, "Mexico", "place", proper=True),
            span(t, "Google 's", "organization", proper=True, wiki="Google"),
            span(t, "Google 's office", "place", wiki="Google"),
            span(t, "the United States", "place", proper=True, wiki="United_States"),
        ]
        preds = [
            span(t, "Mexico City", "place"),  # hit; inner "Mexico" subsumed
            span(t, "Montalvo", "place"),  # false positive, unannotated
            span(t, "Google", "place"),  # inside a place NP: correct place, org missed
            span(t, "United States", "place", entity="Q30"),  # hit, linked
        ]
        c = gum.Counts()
        kb_wiki = {"Q30": "United States", "Q95": "Google"}
        kb_titles = {"United States": {"place"}, "Google": {"organization"}}
        gum.score_doc(t, golds, preds, c, kb_wiki, kb_titles)
        self.assertEqual(c.pred["place"], 4)
        self.assertEqual(c.correct["place"], 3)
        self.assertEqual(c.fp, collections.Counter({("Montalvo", "place", ""): 1}))
        self.assertEqual(c.gold["place"], 2)  # Mexico City, United States (Mexico subsumed)
        self.assertEqual(c.subsumed, 1)
        self.assertEqual(c.recalled["place"], 2)
        self.assertEqual(c.gold["organization"], 1)
        self.assertEqual(c.recalled["organization"], 0)
        self.assertEqual(c.u_recalled, 3)  # Google found, with the wrong type
        # linking: "Google 's office" -> Google is an organization title, not a place one
        self.assertEqual((c.link_n, c.link_ok), (1, 1))


class Helpers(unittest.TestCase):
    def test_norm_wiki(self):
        self.assertEqual(gum.norm_wiki("Washington%2C_D.C."), "Washington, D.C.")
        self.assertEqual(gum.norm_wiki("iPhone"), "IPhone")
        self.assertEqual(gum.norm_wiki("Hwang_Hee%2Dchan"), "Hwang Hee-chan")
        self.assertIsNone(gum.norm_wiki(None))

    def test_floors(self):
        res = {"news": {"precision": 0.5, "recall": 0.4, "linking": None}}
        self.assertEqual(gum.check_floors(res, {"news": {"precision": 0.5}}), [])
        self.assertEqual(len(gum.check_floors(res, {"news": {"recall": 0.41}})), 1)
        self.assertEqual(len(gum.check_floors(res, {"news": {"linking": 0.9}})), 1)


if __name__ == "__main__":
    unittest.main()
