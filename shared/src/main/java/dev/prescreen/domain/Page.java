package dev.prescreen.domain;

import java.util.List;
import java.util.Optional;

/** One page of a listing and the opaque cursor of the next, if there is one. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
}
