package org.postroom.web.directory;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.directory.ImportRejection;
import org.postroom.service.directory.RegistryImportJobs;
import org.postroom.web.common.LocaleBacking;
import org.postroom.web.common.Messages;
import org.postroom.web.common.SpreadsheetCells;

/**
 * The rejected lines of an import as a CSV file (line, registry id, reason in the user's language,
 * reason key), read from the database page by page: {@code /admin/imports/rejected.csv?id=…}.
 * Administrators only (web.xml and the service).
 */
@WebServlet("/admin/imports/rejected.csv")
public class ImportReportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 1000;

  @Inject RegistryImportJobs jobs;
  @Inject LocaleBacking localeBacking;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long id;
    try {
      id = Long.parseLong(request.getParameter("id"));
      jobs.status(id);
    } catch (NumberFormatException | RuleViolationException unknown) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Locale locale = localeBacking.localeOr(request.getLocale());
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"import-" + id + "-rejected.csv\"");
    PrintWriter out = response.getWriter();
    out.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(
          Messages.format(locale, "import.report.line"),
          Messages.format(locale, "import.report.registryId"),
          Messages.format(locale, "import.report.reason"),
          Messages.format(locale, "import.report.key"));
      for (int first = 0; ; first += PAGE) {
        List<ImportRejection> page = jobs.rejections(id, first, PAGE);
        for (ImportRejection r : page) {
          // cells that come from the file are made safe for spreadsheets
          csv.printRecord(
              r.line(),
              SpreadsheetCells.text(r.registryId()),
              SpreadsheetCells.text(Messages.format(locale, r.key(), r.args().toArray())),
              r.key());
        }
        if (page.size() < PAGE) {
          break;
        }
      }
    }
  }
}
