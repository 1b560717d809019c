package io.gatehouse.history;

import java.time.Instant;

public record HistoryEntry(Instant occurredAt, EventKind kind, String ip, String userAgent) {
}
