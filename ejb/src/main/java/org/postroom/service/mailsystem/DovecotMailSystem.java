package org.postroom.service.mailsystem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.Rights;
import org.postroom.domain.sieve.MailboxSieve;

/**
 * The mail system on a real Dovecot: mailbox operations and ACL grants over IMAP (Jakarta Mail) and
 * Sieve scripts over ManageSieve, each logged in as the mailbox through Postroom's master user. The
 * bean is the default server ({@code POSTROOM_MAIL_*}); {@link MailSystems#of} makes one for each
 * further server from its own {@link DovecotSettings}.
 */
@ApplicationScoped
@Typed(DovecotMailSystem.class)
public class DovecotMailSystem implements MailSystem {

  /**
   * What a shared mailbox's members may do: read, file, flag, delete and expunge mail, and make and
   * remove folders. Not {@code a} (administer): who may open the mailbox is Postroom's to say, so
   * that no member grants access behind the helpdesk's back.
   */
  static final String MEMBER_RIGHTS = "lrwstipekx";

  /** The IMAP right to change a mailbox's access list. */
  private static final Rights ADMINISTER = new Rights("a");

  private static final int TIMEOUT_MILLIS = 20_000;

  /** doveadm's exit code for a script (or other object) that is not there. */
  private static final int DOVEADM_NOT_FOUND = 68;

  /** A page showing the status does not wait longer. */
  private static final int STATUS_TIMEOUT_MILLIS = 3_000;

  @Inject DoveadmClient doveadm;

  /** This server's settings; null on the default server's bean, which reads them when asked. */
  private DovecotSettings fixed;

  protected DovecotMailSystem() {}

  /** A further server (provider E), provisioned through its own settings. */
  DovecotMailSystem(DovecotSettings settings, DoveadmClient doveadm) {
    this.fixed = settings;
    this.doveadm = doveadm;
  }

  /** The settings now: the environment is read on each use, as an operator may set it later. */
  public DovecotSettings settings() {
    return fixed != null ? fixed : DovecotSettings.of(null);
  }

  public boolean configured() {
    return settings().configured();
  }

  @Override
  public MailSystemStatus status() {
    DovecotSettings server = settings();
    if (!server.configured()) {
      return MailSystemStatus.NOT_CONFIGURED;
    }
    try (ManageSieve sieve = sieveConnection(server, STATUS_TIMEOUT_MILLIS)) {
      sieve.logout();
      return MailSystemStatus.CONNECTED;
    } catch (IOException e) {
      return MailSystemStatus.UNREACHABLE;
    }
  }

  @Override
  public void createSharedMailbox(String address)
      throws MailServerUnavailableException, MailServerRefusedException {
    imap(
        address,
        inbox -> {
          if (!inbox.exists()) {
            inbox.create(Folder.HOLDS_MESSAGES);
          }
          // a grant Postroom did not make (at the mail server, or by a member before members lost
          // the right to grant) is drift: removed, so that only Postroom's members get in
          for (ACL acl : inbox.getACL()) {
            if (!isPostroomsOwn(acl.getName(), address)) {
              inbox.removeACL(acl.getName());
            }
          }
          // SETACL replaces the group's rights: applying it again changes nothing
          inbox.addACL(new ACL(group(address), new Rights(MEMBER_RIGHTS)));
          return null;
        });
  }

  @Override
  public boolean hasSharedGrant(String address)
      throws MailServerUnavailableException, MailServerRefusedException {
    return imap(
        address, inbox -> inbox.exists() && grantedAsPostroomWants(inbox.getACL(), address));
  }

  @Override
  public void deleteMailbox(String address)
      throws MailServerUnavailableException, MailServerRefusedException {
    imap(
        address,
        inbox -> {
          Folder[] folders = inbox.getStore().getDefaultFolder().list("*");
          // children before their parents
          Arrays.sort(folders, Comparator.comparing(Folder::getFullName).reversed());
          for (Folder folder : folders) {
            if (!folder.getFullName().equalsIgnoreCase("INBOX") && folder.exists()) {
              folder.delete(true);
            }
          }
          if (inbox.exists()) {
            inbox.open(Folder.READ_WRITE);
            if (inbox.getMessageCount() > 0) {
              inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
            }
            inbox.close(true);
          }
          return null;
        });
    deleteSieve(address);
  }

  @Override
  public void putSieve(String address, String script)
      throws MailServerUnavailableException, MailServerRefusedException {
    sieve(
        address,
        client -> {
          client.putScript(MailboxSieve.SCRIPT_NAME, script);
          client.setActive(MailboxSieve.SCRIPT_NAME);
          return null;
        });
  }

  @Override
  public void deleteSieve(String address)
      throws MailServerUnavailableException, MailServerRefusedException {
    sieve(
        address,
        client -> {
          for (ManageSieve.Script script : client.listScripts()) {
            if (script.name().equals(MailboxSieve.SCRIPT_NAME)) {
              if (script.active()) {
                client.setActive("");
              }
              client.deleteScript(MailboxSieve.SCRIPT_NAME);
            }
          }
          return null;
        });
  }

  /**
   * Over doveadm's HTTP API when it is configured: one request for all the addresses ({@code
   * sieveGet} each), where ManageSieve needs a session per mailbox (a session is one user's); 2.2
   * times a raw ManageSieve rebuild became 1.x in {@code ReconcileBenchmark}. Exit code 68 (not
   * found) is "no script"; any other error leaves the address out.
   */
  @Override
  public Map<String, Optional<String>> sieves(List<String> addresses) {
    DovecotSettings server = settings();
    if (!server.doveadmConfigured()) {
      return MailSystem.super.sieves(addresses);
    }
    JsonArrayBuilder commands = Json.createArrayBuilder();
    for (int i = 0; i < addresses.size(); i++) {
      commands.add(
          Json.createArrayBuilder()
              .add("sieveGet")
              .add(
                  Json.createObjectBuilder()
                      .add("user", addresses.get(i))
                      .add("scriptname", MailboxSieve.SCRIPT_NAME))
              .add(Integer.toString(i)));
    }
    Map<String, Optional<String>> found = new HashMap<>();
    JsonArray answers;
    try (JsonReader reader =
        Json.createReader(new StringReader(doveadm.doveadm(server, commands.build().toString())))) {
      answers = reader.readArray();
    } catch (IOException | JsonException unreachable) {
      return found;
    }
    for (JsonValue entry : answers) {
      JsonArray answer = entry.asJsonArray();
      String address = addresses.get(Integer.parseInt(answer.getString(2)));
      if (answer.getString(0).equals("doveadmResponse")) {
        JsonArray rows = answer.getJsonArray(1);
        found.put(
            address,
            rows.isEmpty()
                ? Optional.empty()
                : Optional.of(rows.getJsonObject(0).getString("sieve script", "")));
      } else if (answer.getJsonObject(1).getInt("exitCode", 0) == DOVEADM_NOT_FOUND) {
        found.put(address, Optional.empty());
      }
    }
    return found;
  }

  @Override
  public Optional<String> sieve(String address)
      throws MailServerUnavailableException, MailServerRefusedException {
    return sieve(address, client -> client.getScript(MailboxSieve.SCRIPT_NAME));
  }

  /**
   * The group named after the shared mailbox, as IMAP names it to Dovecot ({@code $name}; its ACL
   * file writes {@code group=name}); the userdb's {@code acl_groups} puts the members in it.
   */
  private static String group(String address) {
    return "$" + address;
  }

  /**
   * Whether a shared mailbox's access list is as Postroom made it: its group with the members'
   * rights (and not the right to grant), and no other grant.
   */
  static boolean grantedAsPostroomWants(ACL[] acls, String address) {
    boolean group = false;
    for (ACL acl : acls) {
      if (acl.getName().equals(group(address))) {
        group =
            acl.getRights().contains(new Rights(MEMBER_RIGHTS))
                && !acl.getRights().contains(ADMINISTER);
      } else if (!isPostroomsOwn(acl.getName(), address)) {
        return false;
      }
    }
    return group;
  }

  /**
   * The entries of a shared mailbox's access list that are Postroom's: its group, and the global
   * ones of the mail server's configuration (its owner, Postroom's master user), which Dovecot
   * lists with the rest marked {@code #} and which no IMAP command changes.
   */
  private static boolean isPostroomsOwn(String name, String address) {
    return name.equals(group(address)) || name.startsWith("#");
  }

  private interface ImapWork<T> {
    T on(IMAPFolder inbox) throws MessagingException;
  }

  private interface SieveWork<T> {
    T on(ManageSieve client) throws IOException;
  }

  /** Runs the work on the mailbox's INBOX, logged in as the mailbox through the master user. */
  private <T> T imap(String address, ImapWork<T> work)
      throws MailServerUnavailableException, MailServerRefusedException {
    DovecotSettings server = settings();
    String tls = server.tls();
    Properties properties = new Properties();
    String protocol = server.ssl() ? "imaps" : "imap";
    String prefix = "mail." + protocol + ".";
    properties.put(prefix + "host", server.imapHost().orElseThrow());
    properties.put(prefix + "port", String.valueOf(server.imapPortNumber()));
    properties.put(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
    properties.put(prefix + "timeout", String.valueOf(TIMEOUT_MILLIS));
    if (tls.equals("starttls")) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    }
    if (!tls.equals("none")) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
      properties.put(prefix + "ssl.socketFactory", MailServerTrust.context().getSocketFactory());
    }
    Store store = null;
    try {
      store = Session.getInstance(properties).getStore(protocol);
      store.connect(
          address + "*" + server.masterUser().orElseThrow(), server.masterPassword().orElseThrow());
      return work.on((IMAPFolder) store.getFolder("INBOX"));
    } catch (AuthenticationFailedException e) {
      if (String.valueOf(e.getMessage()).contains("[UNAVAILABLE]")) {
        // Dovecot's auth is not ready (just started, or its database is away): try later
        throw new MailServerUnavailableException("IMAP: " + e.getMessage(), e);
      }
      throw new MailServerRefusedException("IMAP login as " + address + ": " + e.getMessage(), e);
    } catch (MessagingException e) {
      if (hasIoCause(e)) {
        throw new MailServerUnavailableException("IMAP: " + e.getMessage(), e);
      }
      throw new MailServerRefusedException("IMAP: " + e.getMessage(), e);
    } finally {
      if (store != null) {
        try {
          store.close();
        } catch (MessagingException ignored) {
          // the connection is gone either way
        }
      }
    }
  }

  /** The connection failed or dropped (Jakarta Mail chains its next exception as the cause). */
  private static boolean hasIoCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException
          || cause instanceof jakarta.mail.StoreClosedException
          || cause instanceof jakarta.mail.FolderClosedException) {
        return true;
      }
    }
    return false;
  }

  /** Runs the work in a ManageSieve session of the mailbox, through the master user. */
  private <T> T sieve(String address, SieveWork<T> work)
      throws MailServerUnavailableException, MailServerRefusedException {
    DovecotSettings server = settings();
    try (ManageSieve client = sieveConnection(server, TIMEOUT_MILLIS)) {
      client.authenticate(
          address, server.masterUser().orElseThrow(), server.masterPassword().orElseThrow());
      T result = work.on(client);
      client.logout();
      return result;
    } catch (ManageSieve.RefusedException e) {
      if (e.response.isTemporary()) {
        throw new MailServerUnavailableException("ManageSieve: " + e.getMessage(), e);
      }
      throw new MailServerRefusedException("ManageSieve for " + address + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MailServerUnavailableException("ManageSieve: " + e, e);
    }
  }

  private static ManageSieve sieveConnection(DovecotSettings server, int timeoutMillis)
      throws IOException {
    return ManageSieve.connect(
        server.sieveHostName(),
        server.sievePortNumber(),
        !server.tls().equals("none"),
        timeoutMillis);
  }
}
