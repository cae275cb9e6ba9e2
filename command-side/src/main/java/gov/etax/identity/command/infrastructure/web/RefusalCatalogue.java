package gov.etax.identity.command.infrastructure.web;

import gov.etax.identity.kernel.refusal.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Which refusals an endpoint can answer, read from the bytecode: every {@link Reason} constant
 * reachable from the handler method, following calls within the application (an interface to its
 * implementations, a lambda to its body) and a command, query or event it creates to the handlers
 * of that message, with the refusals the command gateway answers for a command's target (a missing
 * or contended aggregate). The API description lists these codes under each operation, so it
 * cannot drift from the code that refuses.
 */
public final class RefusalCatalogue {

    private static final String ROOT = "gov/etax/identity/";
    /** Event handlers too: on the command side they subscribe, so their refusals reach the command's caller. */
    private static final Set<String> MESSAGE_HANDLERS = Set.of("Lorg/axonframework/commandhandling/CommandHandler;",
            "Lorg/axonframework/queryhandling/QueryHandler;", "Lorg/axonframework/eventhandling/EventHandler;");

    private record MethodRef(String owner, String name, String descriptor) {
    }

    private static final class ClassInfo {
        String superName;
        final List<String> interfaces = new ArrayList<>();
        final Map<String, Set<Object>> methods = new HashMap<>();
    }

    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Map<String, Set<String>> implementations = new HashMap<>();
    /** A message type (command, query) to the methods that handle it. */
    private final Map<String, Set<MethodRef>> handlers = new HashMap<>();
    private final Map<Method, Set<Reason>> cache = new HashMap<>();
    private final ClassLoader loader;
    private final Function<Class<?>, Set<Reason>> targetRefusals;

    /** @param targetRefusals what the command gateway answers instead of a failure of a command of a type */
    public RefusalCatalogue(ClassLoader loader, Function<Class<?>, Set<Reason>> targetRefusals) {
        this.loader = loader;
        this.targetRefusals = targetRefusals;
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(loader)
                    .getResources("classpath*:" + ROOT + "**/*.class")) {
                try (InputStream in = resource.getInputStream()) {
                    index(new ClassReader(in));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the application's classes", e);
        }
        classes.forEach((name, info) -> {
            List<String> supers = new ArrayList<>(info.interfaces);
            if (info.superName != null) {
                supers.add(info.superName);
            }
            supers.forEach(s -> implementations.computeIfAbsent(s, k -> new HashSet<>()).add(name));
        });
    }

    /** The reasons the handler method can refuse with. */
    public synchronized Set<Reason> reasons(Method handler) {
        return cache.computeIfAbsent(handler, h -> walk(new MethodRef(Type.getInternalName(h.getDeclaringClass()),
                h.getName(), Type.getMethodDescriptor(h))));
    }

    private Set<Reason> walk(MethodRef start) {
        Set<Reason> reasons = new LinkedHashSet<>();
        Set<MethodRef> seen = new HashSet<>();
        Deque<MethodRef> work = new ArrayDeque<>(List.of(start));
        while (!work.isEmpty()) {
            MethodRef method = work.pop();
            if (!seen.add(method)) {
                continue;
            }
            for (String owner : owners(method.owner())) {
                ClassInfo info = classes.get(owner);
                Set<Object> uses = info == null ? null : info.methods.get(method.name() + method.descriptor());
                if (uses == null) {
                    continue;
                }
                for (Object use : uses) {
                    if (use instanceof MethodRef call) {
                        work.push(call);
                    } else if (use instanceof String created && handlers.containsKey(created)) {
                        work.addAll(handlers.get(created));
                        reasons.addAll(targetRefusals.apply(load(created)));
                    } else if (use instanceof Reason reason) {
                        reasons.add(reason);
                    }
                }
            }
        }
        return reasons;
    }

    /** The class itself, its superclasses (an inherited method) and every implementation (an interface call). */
    private Set<String> owners(String owner) {
        Set<String> owners = new LinkedHashSet<>();
        for (String type = owner; type != null && classes.containsKey(type); type = classes.get(type).superName) {
            owners.add(type);
        }
        Deque<String> below = new ArrayDeque<>(List.of(owner));
        while (!below.isEmpty()) {
            for (String sub : implementations.getOrDefault(below.pop(), Set.of())) {
                if (owners.add(sub)) {
                    below.push(sub);
                }
            }
        }
        return owners;
    }

    private void index(ClassReader reader) {
        ClassInfo info = new ClassInfo();
        String className = reader.getClassName();
        classes.put(className, info);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                info.superName = superName;
                info.interfaces.addAll(List.of(interfaces));
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Set<Object> uses = info.methods.computeIfAbsent(name + descriptor, k -> new HashSet<>());
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        Type[] parameters = Type.getArgumentTypes(descriptor);
                        if (MESSAGE_HANDLERS.contains(annotation) && parameters.length > 0) {
                            handlers.computeIfAbsent(parameters[0].getInternalName(), k -> new HashSet<>())
                                    .add(new MethodRef(className, name, descriptor));
                        }
                        return null;
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String callee, String calleeDescriptor,
                                                boolean isInterface) {
                        if (owner.startsWith(ROOT)) {
                            uses.add(new MethodRef(owner, callee, calleeDescriptor));
                            if ("<init>".equals(callee)) {
                                uses.add(owner);
                            }
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                                       Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle target && target.getOwner().startsWith(ROOT)) {
                                uses.add(new MethodRef(target.getOwner(), target.getName(), target.getDesc()));
                            }
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        if (opcode == Opcodes.GETSTATIC && owner.startsWith(ROOT) && fieldDescriptor.equals("L" + owner + ";")
                                && !owner.equals(className)) {
                            Reason reason = reasonConstant(owner, field);
                            if (reason != null) {
                                uses.add(reason);
                            }
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Void.class;
        }
    }

    private static Reason reasonConstant(String owner, String field) {
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'), false, RefusalCatalogue.class.getClassLoader());
            if (type.isEnum() && Reason.class.isAssignableFrom(type)) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(field)) {
                        return (Reason) constant;
                    }
                }
            }
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
