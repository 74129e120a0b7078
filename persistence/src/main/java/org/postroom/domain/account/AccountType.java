package org.postroom.domain.account;

/**
 * What a person is to the institution; decides what they may request and whom they may share with.
 */
public enum AccountType {
  STUDENT,
  STAFF,
  EXTERNAL,
  ALUMNI
}
