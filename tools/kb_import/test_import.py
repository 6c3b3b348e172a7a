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


if __name__ == "__main__":
    unittest.main()
