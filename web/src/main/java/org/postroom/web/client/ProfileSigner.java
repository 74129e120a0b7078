package org.postroom.web.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.postroom.service.common.Settings;

/**
 * Signs configuration profiles (CMS SignedData with the profile inside, as Apple devices verify
 * them) with the institution's certificate, when one is configured: a PKCS #12 key store ({@code
 * POSTROOM_PROFILE_KEYSTORE}, its password {@code POSTROOM_PROFILE_KEYSTORE_PASSWORD}, the key's
 * alias {@code POSTROOM_PROFILE_KEY_ALIAS}, else the store's first). Without one, profiles go out
 * unsigned (devices then show them as "not verified").
 */
public final class ProfileSigner {

  private final PrivateKey key;
  private final List<X509Certificate> chain;

  private ProfileSigner(PrivateKey key, List<X509Certificate> chain) {
    this.key = key;
    this.chain = chain;
  }

  /** The configured signer; empty when no key store is set. */
  public static Optional<ProfileSigner> configured() {
    Optional<String> store = Settings.get("postroom.profile.keystore");
    if (store.isEmpty()) {
      return Optional.empty();
    }
    char[] password = Settings.get("postroom.profile.keystore.password").orElse("").toCharArray();
    try (InputStream in = Files.newInputStream(Path.of(store.get()))) {
      return Optional.of(of(in, password, Settings.get("postroom.profile.key.alias").orElse(null)));
    } catch (IOException e) {
      throw new UncheckedIOException("the profile signing key store cannot be read", e);
    }
  }

  /** A signer from a PKCS #12 key store. */
  static ProfileSigner of(InputStream pkcs12, char[] password, String alias) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(pkcs12, password);
      String chosen = alias != null ? alias : store.aliases().nextElement();
      PrivateKey key = (PrivateKey) store.getKey(chosen, password);
      Certificate[] chain = store.getCertificateChain(chosen);
      if (key == null || chain == null) {
        throw new IllegalStateException("no key and certificate under " + chosen);
      }
      return new ProfileSigner(key, Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the profile signing key cannot be loaded", e);
    }
  }

  /** The profile inside a CMS SignedData, DER-encoded. */
  public byte[] sign(byte[] profile) {
    try {
      String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(new JcaContentSignerBuilder(algorithm).build(key), chain.get(0)));
      generator.addCertificates(new JcaCertStore(chain));
      return generator.generate(new CMSProcessableByteArray(profile), true).getEncoded();
    } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the profile could not be signed", e);
    }
  }
}
