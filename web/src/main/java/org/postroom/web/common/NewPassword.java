package org.postroom.web.common;

import java.io.Serializable;

/**
 * A new password as typed twice in a form; forgotten after each attempt, so that it never stays in
 * the view state longer than one request.
 */
public class NewPassword implements Serializable {

  private static final long serialVersionUID = 1L;

  private String password;
  private String repeat;
  private int minLength = 8;

  public void forget() {
    password = null;
    repeat = null;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  /** The shortest password the form's domain accepts, for its hint. */
  public int getMinLength() {
    return minLength;
  }

  public void setMinLength(int minLength) {
    this.minLength = minLength;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }
}
