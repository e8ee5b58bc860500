package io.jlns.config;

import java.util.List;

/** {@code ip local pool NAME START [END]}, possibly several lines (ranges) for one name. */
public record LocalPool(String name, List<Range> ranges) {
  public LocalPool {
    ranges = List.copyOf(ranges);
  }

  /** An inclusive address range. */
  public record Range(Ipv4Address start, Ipv4Address end) {
    public long size() {
      return end.unsigned() - start.unsigned() + 1;
    }

    public boolean overlaps(Range o) {
      return start.compareTo(o.end) <= 0 && o.start.compareTo(end) <= 0;
    }
  }

  public long size() {
    return ranges.stream().mapToLong(Range::size).sum();
  }
}
