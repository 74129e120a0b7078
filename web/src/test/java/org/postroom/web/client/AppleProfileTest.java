package org.postroom.web.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Apple configuration profile read back as a property list (the mail payload's keys as Apple's
 * {@code com.apple.mail.managed} documents them), and its CMS signature verified with the
 * certificate it carries.
 */
class AppleProfileTest {

  /** A plist dict as key → value text ("true"/"false" for booleans; nested dicts left out). */
  private static Map<String, String> dict(Element dict) {
    Map<String, String> values = new LinkedHashMap<>();
    String key = null;
    for (Node n = dict.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (e.getTagName().equals("key")) {
          key = e.getTextContent();
        } else {
          values.put(
              key,
              switch (e.getTagName()) {
                case "true", "false" -> e.getTagName();
                case "array" -> "array";
                default -> e.getTextContent();
              });
        }
      }
    }
    return values;
  }

  private static Document parse(byte[] plist) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(plist));
  }

  @Test
  void theMailPayloadHasTheServersAndTheAddressAsLogin() throws Exception {
    String plist =
        AppleProfile.plist(ReferenceSettings.PROVIDER_E_SECOND, "mia.jansen@member-e.example");
    assertTrue(plist.contains(AppleProfile.DOCTYPE));
    Document document = parse(plist.getBytes(StandardCharsets.UTF_8));
    Element top = (Element) document.getDocumentElement().getElementsByTagName("dict").item(0);
    Map<String, String> profile = dict(top);
    assertEquals("Configuration", profile.get("PayloadType"));
    assertEquals("1", profile.get("PayloadVersion"));
    Element mail = (Element) top.getElementsByTagName("dict").item(0);
    Map<String, String> account = dict(mail);
    assertEquals("com.apple.mail.managed", account.get("PayloadType"));
    assertEquals("EmailTypeIMAP", account.get("EmailAccountType"), "IMAP before POP3");
    assertEquals("mail2.provider-e.example", account.get("IncomingMailServerHostName"));
    assertEquals("993", account.get("IncomingMailServerPortNumber"));
    assertEquals("true", account.get("IncomingMailServerUseSSL"));
    assertEquals("465", account.get("OutgoingMailServerPortNumber"));
    assertEquals("mia.jansen@member-e.example", account.get("IncomingMailServerUsername"));
    assertEquals("mia.jansen@member-e.example", account.get("OutgoingMailServerUsername"));
    assertEquals("EmailAuthPassword", account.get("IncomingMailServerAuthentication"));
    assertEquals(
        AppleProfile.uuid("account", "mia.jansen@member-e.example"), account.get("PayloadUUID"));
    assertEquals(
        plist,
        AppleProfile.plist(ReferenceSettings.PROVIDER_E_SECOND, "mia.jansen@member-e.example"),
        "the same profile again: installing it replaces the first");
  }

  @Test
  void aSignedProfileCarriesTheProfileAndVerifiesWithItsCertificate() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Postroom profiles, O=University B");
    Instant now = Instant.now();
    X509CertificateHolder holder =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.ONE,
                Date.from(now),
                Date.from(now.plus(1, ChronoUnit.DAYS)),
                name,
                pair.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "test-only".toCharArray();
    store.setKeyEntry("profiles", pair.getPrivate(), password, new Certificate[] {certificate});
    ByteArrayOutputStream pkcs12 = new ByteArrayOutputStream();
    store.store(pkcs12, password);

    byte[] profile =
        AppleProfile.plist(ReferenceSettings.PROVIDER_E_SECOND, "mia.jansen@member-e.example")
            .getBytes(StandardCharsets.UTF_8);
    byte[] signed =
        ProfileSigner.of(new ByteArrayInputStream(pkcs12.toByteArray()), password, null)
            .sign(profile);

    CMSSignedData data = new CMSSignedData(signed);
    assertArrayEquals(profile, (byte[]) data.getSignedContent().getContent());
    SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
    X509CertificateHolder carried =
        (X509CertificateHolder)
            data.getCertificates().getMatches(signer.getSID()).iterator().next();
    assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(carried)));
  }
}
