// EPUBCheck on several EPUBs in one JVM (tests/helpers/epubcheck.ts): the same checker as
// `java -jar epubcheck.jar book.epub`, run once per file, each file's report between markers.
// The files are the arguments; with none, they are read from standard input, a path per line,
// each report written as soon as it is done (the suite's one checker, epubcheck-service.ts).
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class EpubcheckBatch {
  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      for (String file : args) check(file);
      return;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isEmpty()) check(line);
    }
  }

  private static void check(String file) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    int status;
    try {
      status = new com.adobe.epubcheck.tool.EpubChecker().run(new String[] { file });
    } catch (Exception e) {
      e.printStackTrace(capture);
      status = -1;
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    out.println("@@galley-epubcheck-begin " + file);
    out.print(buffer.toString(StandardCharsets.UTF_8));
    out.println("@@galley-epubcheck-end " + status);
    out.flush();
  }
}
