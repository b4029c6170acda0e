package org.sibao.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;

/**
 * The success statuses a handler method answers with, read from its bytecode: the {@code HttpStatus} constants it
 * names ({@code ResponseEntity.status(HttpStatus.CREATED)}) and the {@code ResponseEntity} factories it calls
 * ({@code created(..)}, {@code accepted()}, {@code noContent()}, {@code ok(..)}). A controller that sets 201 through
 * its {@code ResponseEntity} is thus documented with 201 without repeating it in an annotation that could go stale.
 * The method's body is read with the methods of its own class it calls (a private {@code created(..)} helper), not
 * those of other classes; only 2xx statuses count.
 */
final class ResponseStatusScan {

    private static final String HTTP_STATUS = Type.getInternalName(HttpStatus.class);
    private static final String RESPONSE_ENTITY = "org/springframework/http/ResponseEntity";
    private static final Map<String, HttpStatus> FACTORIES = Map.of("ok", HttpStatus.OK, "created",
            HttpStatus.CREATED, "accepted", HttpStatus.ACCEPTED, "noContent", HttpStatus.NO_CONTENT);
    private static final Map<Method, Set<HttpStatus>> CACHE = new ConcurrentHashMap<>();

    private ResponseStatusScan() {
    }

    /** The 2xx statuses named in the method's body; empty when none is named or the class file is not readable. */
    static Set<HttpStatus> successStatuses(Method method) {
        return CACHE.computeIfAbsent(method, ResponseStatusScan::scan);
    }

    private static Set<HttpStatus> scan(Method method) {
        Class<?> type = ClassUtils.getUserClass(method.getDeclaringClass());
        String owner = Type.getInternalName(type);
        Map<String, Body> bodies = new HashMap<>();
        try (InputStream in = type.getResourceAsStream(ClassUtils.getClassFileName(type))) {
            if (in == null) {
                return Set.of();
            }
            new ClassReader(in).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                        String[] exceptions) {
                    Body body = new Body();
                    bodies.put(name + desc, body);
                    return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                        @Override
                        public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDesc) {
                            if (opcode == Opcodes.GETSTATIC && fieldOwner.equals(HTTP_STATUS)) {
                                HttpStatus status = HttpStatus.valueOf(field);
                                if (status.is2xxSuccessful()) {
                                    body.statuses.add(status);
                                }
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String calledOwner, String called, String calledDesc,
                                boolean isInterface) {
                            if (opcode == Opcodes.INVOKESTATIC && calledOwner.equals(RESPONSE_ENTITY)
                                    && FACTORIES.containsKey(called)) {
                                body.statuses.add(FACTORIES.get(called));
                            } else if (calledOwner.equals(owner)) {
                                body.calls.add(called + calledDesc);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
        // the handler's body and the helpers of its own class it calls (ResponseEntity.created built in one)
        Set<HttpStatus> found = EnumSet.noneOf(HttpStatus.class);
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(method.getName() + Type.getMethodDescriptor(method)));
        while (!todo.isEmpty()) {
            Body body = bodies.get(todo.pop());
            if (body != null) {
                found.addAll(body.statuses);
                body.calls.stream().filter(seen::add).forEach(todo::push);
            }
        }
        return Set.copyOf(found);
    }

    /** What one method of the class names: 2xx statuses and the methods of the same class it calls. */
    private static final class Body {
        final Set<HttpStatus> statuses = EnumSet.noneOf(HttpStatus.class);
        final List<String> calls = new ArrayList<>();
    }
}
