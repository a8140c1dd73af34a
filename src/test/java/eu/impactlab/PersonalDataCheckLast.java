package eu.impactlab;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/** Keeps the order of the test classes as found, but runs {@link PersonalDataInLogsTest} last, after all others logged. */
public class PersonalDataCheckLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> d.getTestClass() == PersonalDataInLogsTest.class));
    }
}
