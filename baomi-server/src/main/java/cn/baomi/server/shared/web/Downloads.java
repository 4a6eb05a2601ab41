package cn.baomi.server.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * How a page or the API hands a file over: as an attachment whose name says what it is (in Chinese, so sent in UTF-8)
 * and the day it was made, and never kept in a cache, since it may hold classified records.
 */
public final class Downloads {

    private Downloads() {
    }

    /** Starts the response of a download named {@code fileName}. */
    public static void start(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** "涉密人员名册-2026-12-06.xlsx": what the file is and the day it was made. */
    public static String dated(String what, String suffix) {
        return what + "-" + LocalDate.now() + suffix;
    }
}
