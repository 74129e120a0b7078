package org.postroom.domain.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A period in which a person is a student, staff member or external of the institution. */
@Entity
@Table(name = "affiliation")
public class Affiliation implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "affiliation_seq")
  @SequenceGenerator(
      name = "affiliation_seq",
      sequenceName = "affiliation_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id")
  private Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AffiliationKind kind;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  protected Affiliation() {}

  Affiliation(Person person, AffiliationKind kind, LocalDate startsOn, LocalDate endsOn) {
    this.person = person;
    this.kind = kind;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
  }

  public boolean isActiveOn(LocalDate day) {
    return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
  }

  /** Same kind and period: an import that sends it again changes nothing. */
  boolean sameAs(AffiliationKind otherKind, LocalDate otherStart, LocalDate otherEnd) {
    return kind == otherKind && startsOn.equals(otherStart) && Objects.equals(endsOn, otherEnd);
  }

  void endOn(LocalDate day) {
    if (endsOn == null || endsOn.isAfter(day)) {
      endsOn = day;
    }
  }

  public Long getId() {
    return id;
  }

  public Person getPerson() {
    return person;
  }

  public AffiliationKind getKind() {
    return kind;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }
}
