package org.postroom.service.mailsystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.postroom.service.common.Settings;

/**
 * The certificates Postroom trusts when it speaks TLS to its mail servers (IMAP, ManageSieve,
 * doveadm's HTTPS API): those in the PEM file {@code POSTROOM_MAIL_CA_FILE} when it is set (the
 * institution's own certificate authority, or the test stack's certificate), else the JVM's. The
 * server's name is checked in both cases.
 */
public final class MailServerTrust {

  private static volatile SSLContext context;

  private MailServerTrust() {}

  /** The TLS context for connections to the mail servers. */
  public static SSLContext context() {
    SSLContext made = context;
    if (made == null) {
      made = make(Settings.get("postroom.mail.ca.file").map(Path::of));
      context = made;
    }
    return made;
  }

  /** A context trusting the certificates in {@code pemFile}, or the JVM's default ones. */
  public static SSLContext make(Optional<Path> pemFile) {
    try {
      if (pemFile.isEmpty()) {
        return SSLContext.getDefault();
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      Collection<? extends Certificate> certificates;
      try (InputStream in = Files.newInputStream(pemFile.get())) {
        certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (certificates.isEmpty()) {
        throw new IllegalStateException("no certificate in " + pemFile.get());
      }
      int i = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("mail-ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, factory.getTrustManagers(), null);
      return tls;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read POSTROOM_MAIL_CA_FILE " + pemFile.get(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use POSTROOM_MAIL_CA_FILE " + pemFile.get(), e);
    }
  }
}
