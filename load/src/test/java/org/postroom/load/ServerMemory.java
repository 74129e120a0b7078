package org.postroom.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running server (a process on this machine) holds in memory: its resident set from {@code
 * /proc}, and its heap from the GC log it writes ({@code -Xlog:gc:file=…}), after a full collection
 * asked for with {@code jcmd} (what stays alive: the directory's caches, the sessions).
 */
final class ServerMemory {

  /** A G1 line's sizes: before, after and committed, e.g. {@code 120M->45M(256M)}. */
  private static final Pattern SIZES = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final long pid;
  private final Path gcLog;
  private volatile long peakRssKb;

  ServerMemory(long pid, Path gcLog) {
    this.pid = pid;
    this.gcLog = gcLog;
  }

  /** The resident set now, in kB (VmRSS of /proc/pid/status); the peak seen is kept. */
  long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          peakRssKb = Math.max(peakRssKb, kb);
          return kb;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the memory of process " + pid, e);
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  long peakRssKb() {
    return peakRssKb;
  }

  /** Samples the resident set every half second until stopped (a daemon thread). */
  Thread sampleRss() {
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                rssKb();
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }

  /** The largest heap committed so far, in MB, as the GC log says. */
  long peakCommittedMb() throws IOException {
    return sizes().stream().mapToLong(s -> s[2]).max().orElse(0);
  }

  /** The largest heap in use before a collection so far, in MB. */
  long peakUsedMb() throws IOException {
    return sizes().stream().mapToLong(s -> s[0]).max().orElse(0);
  }

  /** Runs a full collection and answers the heap still alive after it, in MB. */
  long liveAfterFullGcMb() throws IOException, InterruptedException {
    int before = sizes().size();
    Process jcmd =
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start();
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException(
          "jcmd GC.run failed: " + new String(jcmd.getInputStream().readAllBytes()));
    }
    for (int i = 0; i < 50; i++) {
      List<long[]> sizes = sizes();
      OptionalLong full =
          Files.readAllLines(gcLog).stream()
              .filter(l -> l.contains("Pause Full"))
              .map(SIZES::matcher)
              .filter(Matcher::find)
              .mapToLong(m -> Long.parseLong(m.group(2)))
              .reduce((a, b) -> b);
      if (sizes.size() > before && full.isPresent()) {
        return full.getAsLong();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the full collection did not show in " + gcLog);
  }

  private List<long[]> sizes() throws IOException {
    return Files.readAllLines(gcLog).stream()
        .map(SIZES::matcher)
        .filter(Matcher::find)
        .map(
            m ->
                new long[] {
                  Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))
                })
        .toList();
  }
}
