package org.sweetshop.db;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store server's own certificate authority and TLS certificate, in {@code <data-dir>/db/tls}:
 * {@code root.crt} (the store's CA, which every till is given by {@code server till add} and
 * verifies the server against), {@code root.key}, {@code server.crt} and {@code server.key} (keys
 * mode 600 from their creation; as root the server key is then made readable by the PostgreSQL
 * user's group, 640, see {@link SystemUser#mayRead}). Made on the first server start; the server certificate is issued again by the same CA
 * when the server is told to listen on an address it does not name, so tills keep trusting it.
 *
 * <p>Made with BouncyCastle (bcpkix), not Debian's {@code openssl}: a pure-Java library keeps the
 * installer free of an external binary on every platform the app ships for, and the certificate's
 * names (SANs) are set in code rather than in an openssl config file.
 */
public final class ServerCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificates.class);
    private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    static final String ROOT_CERT = "root.crt";

    private ServerCertificates() {
    }

    /** The directory of a data directory's certificates. */
    public static Path directory(Path dbDir) {
        return dbDir.resolve("tls");
    }

    /** The store's CA certificate, which tills verify the server against. */
    public static Path rootCertificate(Path dbDir) {
        return directory(dbDir).resolve(ROOT_CERT);
    }

    /**
     * Makes the CA (once) and a server certificate naming {@code 127.0.0.1}, {@code localhost},
     * {@code ::1} and {@code hosts}; keeps the current server certificate when it names them all.
     */
    static void ensure(Path dbDir, Collection<String> hosts) {
        Path dir = directory(dbDir);
        Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost", "::1"));
        names.addAll(hosts);
        try {
            Files.createDirectories(dir);
            Path rootCert = dir.resolve(ROOT_CERT);
            Path rootKey = dir.resolve("root.key");
            if (!Files.isRegularFile(rootCert) || !Files.isRegularFile(rootKey)) {
                KeyPair ca = keyPair();
                X500Name subject = new X500Name("CN=Sweetshop store database CA " + Instant.now().getEpochSecond());
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(Instant.now().minus(Duration.ofDays(1))),
                        Date.from(Instant.now().plus(Duration.ofDays(3650 * 3))), subject, ca.getPublic());
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(ca.getPublic()));
                writePrivate(rootKey, pem(ca.getPrivate()));
                Files.writeString(rootCert, pem(sign(builder.build(signer(ca.getPrivate())))), StandardCharsets.UTF_8);
                Files.deleteIfExists(dir.resolve("server.crt"));
                LOG.info("made the store database's certificate authority in {}", dir);
            }
            Path serverCert = dir.resolve("server.crt");
            if (Files.isRegularFile(serverCert) && Files.isRegularFile(dir.resolve("server.key")) && names(serverCert).containsAll(names)) {
                return;
            }
            X509Certificate caCert = read(rootCert);
            PrivateKey caKey = readKey(rootKey);
            KeyPair server = keyPair();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(Instant.now().minus(Duration.ofDays(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(3650))), new X500Name("CN=Sweetshop store database"), server.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
            List<GeneralName> sans = new ArrayList<>();
            for (String name : names) {
                sans.add(IP.matcher(name).matches() ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            writePrivate(dir.resolve("server.key"), pem(server.getPrivate()));
            Files.writeString(serverCert, pem(sign(builder.build(signer(caKey)))), StandardCharsets.UTF_8);
            LOG.info("issued the store database's TLS certificate for {}", names);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new DatabaseStartException("cannot make the server's TLS certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The names (DNS names and IP addresses, IPs in their canonical text) a certificate is valid
     * for; a till's URL must use one of them.
     */
    public static Set<String> names(Path certificate) {
        try {
            Set<String> names = new LinkedHashSet<>();
            Collection<List<?>> sans = read(certificate).getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    String value = san.get(1).toString();
                    names.add((Integer) san.get(0) == GeneralName.iPAddress ? canonicalIp(value) : value);
                }
            }
            return names;
        } catch (IOException | GeneralSecurityException e) {
            throw new DatabaseStartException("cannot read the certificate " + certificate + ": " + e.getMessage(), e);
        }
    }

    /** An IP literal in the form {@link #names} gives it; anything else as it is. */
    public static String canonicalIp(String host) {
        if (!IP.matcher(host).matches()) {
            return host;
        }
        try {
            String text = InetAddress.getByName(host).getHostAddress();
            return text.equals("0:0:0:0:0:0:0:1") ? "::1" : text;
        } catch (IOException e) {
            return host;
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
    }

    private static org.bouncycastle.operator.ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    private static X509Certificate sign(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof PrivateKey key ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : object);
        }
        return text.toString();
    }

    private static X509Certificate read(Path file) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            return converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) object);
        }
    }

    /** A key file: made with mode 600 before a byte is written (PostgreSQL refuses a key others can read). */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
    }
}
