package org.postroom.it;

/**
 * A mark that keeps one test run's names apart from another's on a server or database that outlives
 * the run: letters only, so that it fits in a username, a local part and a domain name anywhere.
 */
public final class RunMark {

  private RunMark() {}

  /** A new mark, up to six letters. */
  public static String next() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "x");
  }
}
