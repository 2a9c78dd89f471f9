// SPDX-License-Identifier: EPL-2.0
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import aQute.bnd.metatype.MetatypeAnnotations;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;

/**
 * Writes the metatype XML of a bundle's {@code @ObjectClassDefinition}/{@code @Designate} annotations
 * into its classes folder (OSGI-INF/metatype/), with bnd's own metatype processor. tycho-ds-plugin
 * runs only bnd's DS annotation processor, so without this the annotations give no metatype.
 * Run by a bundle's pom in process-classes: {@code java -cp <bndlib...> GenerateMetatype.java target/classes}.
 */
public class GenerateMetatype {
    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        try (Jar jar = new Jar(classes.toFile()); Analyzer analyzer = new Analyzer(jar)) {
            analyzer.setProperty("-metatypeannotations", "*");
            analyzer.addBasicPlugin(new MetatypeAnnotations());
            analyzer.calcManifest();
            if (!analyzer.getErrors().isEmpty()) {
                analyzer.getErrors().forEach(error -> System.err.println("[metatype] error: " + error));
                System.exit(1);
            }
            for (Map.Entry<String, Resource> entry : jar.getResources().entrySet()) {
                if (entry.getKey().startsWith("OSGI-INF/metatype/")) {
                    Path target = classes.resolve(entry.getKey());
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        entry.getValue().write(out);
                    }
                    System.out.println("[metatype] wrote " + target);
                }
            }
        }
    }
}
