package io.recoup.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.recoup.core.lifecycle.CollectionStatus;
import io.recoup.core.lifecycle.Lifecycle;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.lifecycle.PostingStatus;
import io.recoup.core.lifecycle.ReceiptStatus;
import java.util.Set;

/**
 * A caller of the store names what happened (an event), never the status a row should get: the table decides. And
 * only {@link LifecycleRows} turns an event into an update.
 */
@AnalyzeClasses(packages = "io.recoup.store", importOptions = ImportOption.DoNotIncludeTests.class)
class LifecycleArchitectureTest {
    private static final Set<String> STATUSES = Set.of(CollectionStatus.class.getName(), NoticeStatus.class.getName(),
            ReceiptStatus.class.getName(), PostingStatus.class.getName());

    @ArchTest
    static final ArchRule repositoriesTakeEventsNeverAStatusToSet = methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Repository")
            .should(new ArchCondition<JavaMethod>("take no lifecycle status as a parameter") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    for (JavaClass type : method.getRawParameterTypes()) {
                        if (STATUSES.contains(type.getName())) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes a "
                                    + type.getSimpleName() + ": take the lifecycle's event and let its table decide"));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule onlyLifecycleRowsTurnsAnEventIntoAnUpdate = noClasses()
            .that().doNotHaveFullyQualifiedName(LifecycleRows.class.getName())
            .should().callMethod(Lifecycle.class, "target", Enum.class)
            .orShould().callMethod(Lifecycle.class, "alreadyApplied", Enum.class, Enum.class);
}
