package org.postroom.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.directory.Person;
import org.postroom.domain.directory.PersonName;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.common.Settings;
import org.postroom.service.security.PasswordHasher;

/**
 * People of a test class's own, made in the server for browser tests that change what they touch (a
 * password, an alumni address), so that no test class depends on another's leftovers or on the
 * order the classes run in. A person like one of the demo's, under a new username each call, with
 * the demo password. Lives in the test WAR only ({@link Deployments#earWithTests}).
 */
public final class People {

  /** Who a test needs. */
  public enum Kind {
    /** Works at University A: a mailbox with an address from the name, no contact address. */
    EMPLOYEE,
    /** Studied at University D until two months ago: may order an alumni address. */
    GRADUATE
  }

  /** A made person: their login and the address of their mailbox. */
  public record Made(String username, String address) {}

  private People() {}

  /** Makes a person of the kind, from outside the server (a {@code @RunAsClient} test). */
  public static Made make(Kind kind) throws IOException, InterruptedException {
    HttpResponse<String> made =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + System.getProperty("it.http.port", "18080")
                                + "/postroom-tests/people?kind="
                                + kind))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (made.statusCode() != 200) {
      throw new IllegalStateException("no person made: " + made.statusCode() + " " + made.body());
    }
    String[] fields = made.body().strip().split(" ");
    return new Made(fields[0], fields[1]);
  }

  /** The servlet that makes them, in the test WAR. */
  @WebServlet("/people")
  public static class Maker extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceContext(unitName = "postroom")
    EntityManager em;

    @Resource UserTransaction tx;
    @Inject PasswordHasher hasher;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Kind kind = Kind.valueOf(request.getParameter("kind"));
      // letters only: usernames and generated addresses of every domain take them
      String tag = RunMark.next();
      try {
        tx.begin();
        Made made = kind == Kind.EMPLOYEE ? employee(tag) : graduate(tag);
        tx.commit();
        response.setContentType("text/plain");
        response.getWriter().print(made.username() + " " + made.address());
      } catch (Exception e) {
        throw new IOException("could not make a " + kind, e);
      }
    }

    private Made employee(String tag) {
      Instant now = Instant.now();
      Person person = person("test-a-" + tag, "Jan", "Groot" + tag, AffiliationKind.STAFF, null);
      MailDomain universityA = domain("umail.example-a.nl");
      String username = "emp" + tag;
      Account account =
          Account.forPerson(person, username, universityA, AccountType.STAFF, null, now);
      return withMailbox(account, universityA, "j.groot" + tag + "@umail.example-a.nl");
    }

    private Made graduate(String tag) {
      Instant now = Instant.now();
      LocalDate lastSummer = LocalDate.now().minusMonths(2);
      Person person =
          person("test-d-" + tag, "Ola", "Nordmann", AffiliationKind.STUDENT, lastSummer);
      MailDomain universityD = domain("univ-d.no");
      String username = "grad" + tag;
      String address = username + "@univ-d.no";
      Account account =
          Account.forPerson(person, username, universityD, AccountType.STUDENT, address, now);
      return withMailbox(account, universityD, address);
    }

    private Person person(
        String registryId, String given, String surname, AffiliationKind kind, LocalDate ended) {
      Instant now = Instant.now();
      Person person = new Person(registryId, new PersonName(given, null, null, surname), now);
      LocalDate started = (ended == null ? LocalDate.now() : ended).minusYears(3);
      person.replaceAffiliations(List.of(new AffiliationPeriod(kind, started, ended)), now);
      em.persist(person);
      return person;
    }

    private Made withMailbox(Account account, MailDomain domain, String address) {
      account.changePasswordHash(hasher.hash(Settings.get("postroom.demo.password").orElseThrow()));
      em.persist(account);
      em.persist(Mailbox.personal(domain, address, address, account, Instant.now()));
      return new Made(account.getUsername(), address);
    }

    private MailDomain domain(String name) {
      return em.createQuery("select d from MailDomain d where d.name = :n", MailDomain.class)
          .setParameter("n", name)
          .getSingleResult();
    }
  }
}
