package gov.etax.identity.kernel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit IV per message. The associated data binds a ciphertext to its
 * owner (the person id), so a value copied into another person's event fails to decrypt.
 */
public final class AesGcm {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available in this JVM", e);
        }
    }

    /** A key given in configuration as Base64 of 32 bytes. */
    public static SecretKey keyFromBase64(String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(what + " is not configured");
        }
        byte[] raw = Base64.getDecoder().decode(base64.trim());
        if (raw.length != 32) {
            throw new IllegalStateException(what + " must be Base64 of 32 bytes, got " + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static byte[] encrypt(SecretKey key, byte[] plaintext, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public static byte[] decrypt(SecretKey key, byte[] ivAndCiphertext, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered data", e);
        }
    }

    public static EncryptedText seal(SecretKey key, String plaintext, String associatedData) {
        byte[] sealed = encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
        return new EncryptedText(Base64.getEncoder().encodeToString(sealed));
    }

    public static String open(SecretKey key, EncryptedText text, String associatedData) {
        byte[] raw = Base64.getDecoder().decode(text.ciphertext());
        return new String(decrypt(key, raw, associatedData), StandardCharsets.UTF_8);
    }

    /** Wraps a data key under the master key for storage in the key table. */
    public static byte[] wrap(SecretKey masterKey, SecretKey dataKey, String subjectId) {
        return encrypt(masterKey, dataKey.getEncoded(), subjectId);
    }

    public static SecretKey unwrap(SecretKey masterKey, byte[] wrapped, String subjectId) {
        return new SecretKeySpec(decrypt(masterKey, wrapped, subjectId), "AES");
    }
}
