// EPUBCheck on several EPUBs in one JVM (tests/helpers/tools.ts epubcheckMany): the same checker
// as `java -jar epubcheck.jar book.epub`, run once per file, each file's report between markers.
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class EpubcheckBatch {
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    for (String file : args) {
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
    }
    out.flush();
  }
}
