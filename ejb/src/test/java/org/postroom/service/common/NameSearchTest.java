package org.postroom.service.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.postroom.domain.account.FoldedName;

/** Names folded as the helpdesk types them. */
class NameSearchTest {

  @Test
  void accentsSpacesAndSeparatorsAreFoldedAway() {
    assertEquals("muller", NameSearch.fold("Müller"));
    assertEquals("devries", NameSearch.fold("de Vries"));
    assertEquals("sannedevries", NameSearch.fold(" Sanne de Vries "));
    assertEquals("osullivan", NameSearch.fold("O’Sullivan"));
    assertEquals("anneliese", NameSearch.fold("Anne-Liese"));
    assertEquals("bjornsather", NameSearch.fold("Bjørn Sæther"));
  }

  @Test
  void everyFoldedCharacterHasItsCounterpartOrIsDropped() {
    assertEquals(FoldedName.FROM.length(), FoldedName.TO.length());
    assertEquals("     ", FoldedName.TO.substring(61), "the five separators become spaces");
    for (char c : FoldedName.TO.substring(0, 61).toCharArray()) {
      assertTrue(c >= 'a' && c <= 'z', "folds to plain letters: " + c);
    }
    assertEquals("lodzszczecin", NameSearch.fold("Łódź Szczecin"));
  }
}
