package org.postroom.domain.directory;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as the student/HR registry knows them, identified by the registry's id. Postroom keeps
 * their name and affiliations in step with the registry; their account and mailbox hang on this.
 */
@Entity
@Table(name = "person")
public class Person implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
  @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "registry_id", nullable = false, unique = true, length = 64)
  private String registryId;

  @Column(name = "given_names", length = 200)
  private String givenNames;

  @Column(length = 40)
  private String initials;

  @Column(length = 60)
  private String infixes;

  @Column(nullable = false, length = 200)
  private String surname;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @OneToMany(
      mappedBy = "person",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.LAZY)
  @OrderBy("startsOn")
  private List<Affiliation> affiliations = new ArrayList<>();

  protected Person() {}

  public Person(String registryId, PersonName name, Instant now) {
    this.registryId = registryId;
    this.createdAt = now;
    rename(name, now);
  }

  /** Takes over the registry's name; returns whether anything changed. */
  public boolean rename(PersonName name, Instant now) {
    if (name.equals(getName())) {
      return false;
    }
    givenNames = name.givenNames();
    initials = name.initials();
    infixes = name.infixes();
    surname = name.surname();
    updatedAt = now;
    return true;
  }

  /**
   * Makes the affiliations those of the registry (same kind and period count as the same); returns
   * whether anything changed.
   */
  public boolean replaceAffiliations(List<AffiliationPeriod> periods, Instant now) {
    boolean same =
        periods.size() == affiliations.size()
            && periods.stream()
                .allMatch(
                    p ->
                        affiliations.stream()
                            .anyMatch(a -> a.sameAs(p.kind(), p.startsOn(), p.endsOn())));
    if (same) {
      return false;
    }
    affiliations.clear();
    for (AffiliationPeriod period : periods) {
      affiliations.add(new Affiliation(this, period.kind(), period.startsOn(), period.endsOn()));
    }
    updatedAt = now;
    return true;
  }

  /**
   * Ends every affiliation that is still running on the given day (the registry closed the person).
   */
  public boolean endAffiliations(LocalDate lastDay, Instant now) {
    boolean changed = false;
    for (Affiliation affiliation : affiliations) {
      if (affiliation.getEndsOn() == null || affiliation.getEndsOn().isAfter(lastDay)) {
        affiliation.endOn(lastDay);
        changed = true;
      }
    }
    if (changed) {
      updatedAt = now;
    }
    return changed;
  }

  /** Whether any affiliation runs on the day. */
  public boolean isAffiliatedOn(LocalDate day) {
    return affiliations.stream().anyMatch(a -> a.isActiveOn(day));
  }

  /** Whether the person ever studied or worked here (who may order an alumni address). */
  public boolean wasStudentOrStaff() {
    return affiliations.stream().anyMatch(a -> a.getKind() != AffiliationKind.EXTERNAL);
  }

  /** The affiliation that counts on a day: staff before student before external. */
  public Optional<AffiliationKind> primaryAffiliationOn(LocalDate day) {
    return affiliations.stream()
        .filter(a -> a.isActiveOn(day))
        .map(Affiliation::getKind)
        .min(Comparator.comparingInt(Person::rank));
  }

  private static int rank(AffiliationKind kind) {
    return switch (kind) {
      case STAFF -> 0;
      case STUDENT -> 1;
      case EXTERNAL -> 2;
    };
  }

  public PersonName getName() {
    return new PersonName(givenNames, initials, infixes, surname);
  }

  public Long getId() {
    return id;
  }

  public String getRegistryId() {
    return registryId;
  }

  public List<Affiliation> getAffiliations() {
    return List.copyOf(affiliations);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Person that && Objects.equals(registryId, that.registryId);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(registryId);
  }
}
