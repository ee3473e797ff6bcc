package dev.prescreen.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** A synthesised prescreen stack and its template as plain maps and lists, for assertions. */
final class Synthesis {

    final App app;
    final PrescreenStack stack;
    final Template template;
    final Map<String, Object> json;

    static Synthesis of(App app, PrescreenStack stack) {
        return new Synthesis(app, stack);
    }

    private Synthesis(App app, PrescreenStack stack) {
        this.app = app;
        this.stack = stack;
        this.template = Template.fromStack(stack);
        this.json = template.toJSON();
    }

    /** The stack as {@code cdk synth} builds it from this repository. */
    static Synthesis ofRepository() {
        App app = PrescreenApp.newApp();
        return new Synthesis(app, PrescreenApp.stack(app, Workspace.locate()));
    }

    /** The stack with cdk-nag's rule packs applied, as the app runs them. */
    static Synthesis checked(Workspace workspace) {
        App app = PrescreenApp.checked(PrescreenApp.newApp());
        return new Synthesis(app, PrescreenApp.stack(app, workspace));
    }

    /** Logical id to resource (Type, Properties, ...) of every resource of the type. */
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(json.get("Resources")).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(id, map(resource));
            }
        });
        return found;
    }

    Map<String, Object> resource(IConstruct construct) {
        return map(map(json.get("Resources")).get(logicalId(construct)));
    }

    Map<String, Object> properties(IConstruct construct) {
        return map(resource(construct).get("Properties"));
    }

    String logicalId(IConstruct construct) {
        IConstruct element = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
        return (String) stack.resolve(stack.getLogicalId((CfnElement) element));
    }

    Map<String, Object> ref(IConstruct construct) {
        return Map.of("Ref", logicalId(construct));
    }

    Map<String, Object> getAtt(IConstruct construct, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId(construct), attribute));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    static int number(Object value) {
        return ((Number) value).intValue();
    }
}
