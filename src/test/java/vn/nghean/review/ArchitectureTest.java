package vn.nghean.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The shape of the code: packages in the order of the design, each importing only those below it
 * (so none in a circle), and the engine's internals behind one door, the {@code engine} package, so
 * that a move to a fork of Camunda 7 (docs/engine-fork.md) touches that package and import lines only.
 */
class ArchitectureTest {

  static final String ROOT = "vn.nghean.review";
  /** From the bottom up: a package may import those before it, never one after it. */
  static final List<String> LAYERS = List.of("shared", "process", "engine", "form", "identity", "gate", "system", "unit",
      "notification", "account", "record", "campaign", "deadline", "unitreview", "progress", "document", "demo", "");

  static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void noPackageShouldImportAnotherInACircle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void eachPackageShouldImportOnlyThePackagesBelowIt() {
    Set<String> upward = new TreeSet<>();
    for (JavaClass type : MAIN) {
      int own = layer(type);
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        if (target.getPackageName().startsWith(ROOT) && layer(target) > own) {
          upward.add(type.getSimpleName() + " (" + LAYERS.get(own) + ") -> " + target.getSimpleName() + " ("
              + LAYERS.get(layer(target)) + ")");
        }
      }
    }
    assertThat(upward).as("imports of a package above").isEmpty();
  }

  @Test
  void onlyTheEnginePackageShouldUseTheEnginesOrTheWebappsInternals() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".engine..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..",
            "org.camunda.bpm.engine.rest..", "org.camunda.bpm.webapp..", "org.camunda.bpm.spring.boot.starter.webapp..")
        .because("a move to a fork of Camunda 7 should touch the engine package and import lines only")
        .check(MAIN);
  }

  static int layer(JavaClass type) {
    String rest = type.getPackageName().equals(ROOT) ? "" : type.getPackageName().substring(ROOT.length() + 1);
    String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    int index = LAYERS.indexOf(top);
    if (index < 0) {
      throw new AssertionError("Package " + type.getPackageName() + " has no place in ArchitectureTest.LAYERS");
    }
    return index;
  }

  @Test
  void everyPackageShouldHaveAPlaceInTheOrder() {
    List<String> missing = new ArrayList<>();
    MAIN.forEach(type -> {
      try {
        layer(type);
      } catch (AssertionError e) {
        missing.add(type.getName());
      }
    });
    assertThat(missing).isEmpty();
  }
}
