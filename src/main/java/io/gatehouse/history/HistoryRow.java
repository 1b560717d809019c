package io.gatehouse.history;

/** One line of /account/history, as shown. */
public record HistoryRow(String when, String what, String ip, String device) {
}
