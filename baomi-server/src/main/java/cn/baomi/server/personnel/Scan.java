package cn.baomi.server.personnel;

/** A scanned copy as it is downloaded: decrypted bytes with the stored name and type. */
record Scan(long id, long personId, String fileName, String contentType, byte[] content) {
}
