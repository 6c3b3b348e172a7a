"""Unit tests of the importer's name casing (run by `./build.sh test` with the system Python)."""
import importlib
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
importer = importlib.import_module("import")

ENGLISH = {"sky", "group", "energy", "bank", "company"}


class ProperCaseTest(unittest.TestCase):
    def test_people_names_are_title_cased(self):
        self.assertEqual(importer.proper_case("ABU BAKR AL-BAGHDADI"), "Abu Bakr al-Baghdadi")
        self.assertEqual(importer.proper_case("JOHN NG"), "John Ng")

    def test_unsayable_words_of_an_organisation_stay_capitals(self):
        self.assertEqual(importer.proper_case("KBR INC", ENGLISH), "KBR Inc")
        self.assertEqual(importer.proper_case("CB RICHARD ELLIS GROUP", ENGLISH), "CB Richard Ellis Group")
        self.assertEqual(importer.proper_case("DHKP/C", ENGLISH), "DHKP/C")
        self.assertEqual(importer.proper_case("WD-40 COMPANY", ENGLISH), "WD-40 Company")
        self.assertEqual(importer.proper_case("TRUSTCO BANK CORP NY", ENGLISH), "Trustco Bank Corp NY")

    def test_sayable_words_and_abbreviations_are_title_cased(self):
        self.assertEqual(importer.proper_case("SKY GROUP LTD", ENGLISH), "Sky Group Ltd")
        self.assertEqual(importer.proper_case("BRYN MAWR BANK CORP", ENGLISH), "Bryn Mawr Bank Corp")


class OtherBodiesTest(unittest.TestCase):
    def test_an_agency_filed_under_another_body_is_no_alias_of_it(self):
        aliases = ["OVERSEAS PRIVATE INVESTMENT CORPORATION", "OPIC", "EXIM BANK", "FTC"]
        self.assertEqual(importer.other_bodies("FEDERAL TRADE COMMISSION", aliases),
                         {"OVERSEAS PRIVATE INVESTMENT CORPORATION", "OPIC", "EXIM BANK"})

    def test_names_of_the_same_kind_of_body_stay(self):
        aliases = ["ISLAMIC RESISTANCE MOVEMENT", "HAMAS MOVEMENT", "IRM"]
        self.assertEqual(importer.other_bodies("HAMAS MOVEMENT", aliases), set())
        self.assertEqual(importer.other_bodies("HEZBOLLAH", ["PARTY OF GOD"]), set())



class KindOfActorTest(unittest.TestCase):
    def test_kinds_of_actor_are_no_actors(self):
        for head in ["NGO", "NON GOVERNMENTAL ORGANIZATION", "NON GOVERNMENT ORGANISATION", "MNC"]:
            self.assertTrue(importer.names_a_kind_of_actor(head), head)

    def test_named_bodies_stay(self):
        for head in ["NGO HEALTH COMMITTEE", "NGO NETWORK ON THE QUESTION OF PALESTINE", "NGO NET"]:
            self.assertFalse(importer.names_a_kind_of_actor(head), head)


if __name__ == "__main__":
    unittest.main()
