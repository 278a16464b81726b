using System.Reflection;
using System.Reflection.Emit;

namespace KalshiArb.Actors.Tests.Architecture;

/// <summary>
/// Which folder of KalshiArb.Actors uses which other folder's types (namespace = folder), read from the compiled
/// assembly: base types, interfaces, fields, properties, events, method and constructor signatures, locals and every
/// type, method or field a method body touches (IL tokens), so a dependency hidden inside a method still counts.
/// </summary>
public sealed class FolderGraph
{
    public const string Root = "(root)";
    private static readonly IReadOnlyDictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly Assembly _assembly;
    private readonly string _rootNamespace;
    private readonly Func<Type, bool> _ignored;

    /// <summary>Folder → used folder → one example "user → used type" pair, for the failure message.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string>> Edges { get; }

    public FolderGraph(Assembly assembly, string rootNamespace, Func<Type, bool> ignored)
    {
        _assembly = assembly;
        _rootNamespace = rootNamespace;
        _ignored = ignored;
        var edges = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = FolderOf(type);
            if (from is null || IsIgnored(type)) continue;
            edges.TryAdd(from, new SortedDictionary<string, string>(StringComparer.Ordinal));
            foreach (var used in UsedTypes(type))
            {
                var to = FolderOf(used);
                if (to is null || to == from || IsIgnored(used)) continue;
                edges[from].TryAdd(to, $"{type.FullName} uses {used.FullName}");
            }
        }
        Edges = edges;
    }

    /// <summary>First namespace segment below the project's root namespace; null for types of other assemblies.</summary>
    public string? FolderOf(Type type)
    {
        while (type.HasElementType) type = type.GetElementType()!;
        if (type.Assembly != _assembly || type.Namespace is null) return null;
        if (type.Namespace == _rootNamespace) return Root;
        if (!type.Namespace.StartsWith(_rootNamespace + ".", StringComparison.Ordinal)) return null;
        return type.Namespace[(_rootNamespace.Length + 1)..].Split('.')[0];
    }

    private bool IsIgnored(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
            if (_ignored(t)) return true;
        return false;
    }

    /// <summary>Every cycle's folders, one strongly connected component each (Tarjan), with the edges inside it.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<string>();
        foreach (var node in Edges.Keys)
            if (!index.ContainsKey(node)) Visit(node);
        return found;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Edges.TryGetValue(node, out var n) ? n.Keys : Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(next)) { Visit(next); low[node] = Math.Min(low[node], low[next]); }
                else if (onStack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != node);
            if (component.Count < 2) return;
            var inside = component.SelectMany(f => Edges[f].Where(e => component.Contains(e.Key)).Select(e => $"  {f} -> {e.Key}: {e.Value}"));
            found.Add($"cycle between {string.Join(", ", component.Order(StringComparer.Ordinal))}:\n{string.Join("\n", inside)}");
        }
    }

    public string Describe() => string.Join("\n", Edges.Select(e => $"{e.Key} -> {string.Join(", ", e.Value.Keys)}"));

    private IEnumerable<Type> UsedTypes(Type type)
    {
        var used = new HashSet<Type>();
        if (type.BaseType is not null) Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(Declared)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Declared)) Add(p.PropertyType);
        foreach (var e in type.GetEvents(Declared)) if (e.EventHandlerType is not null) Add(e.EventHandlerType);
        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            var body = m.GetMethodBody();
            if (body is null) continue;
            foreach (var local in body.LocalVariables) Add(local.LocalType);
            foreach (var member in BodyMembers(m, body)) AddMember(member);
        }
        return used;

        void AddMember(MemberInfo member)
        {
            switch (member)
            {
                case Type t: Add(t); break;
                case MethodBase mb:
                    if (mb.DeclaringType is not null) Add(mb.DeclaringType);
                    if (mb is MethodInfo { IsGenericMethod: true } g) foreach (var a in g.GetGenericArguments()) Add(a);
                    break;
                case FieldInfo f: if (f.DeclaringType is not null) Add(f.DeclaringType); Add(f.FieldType); break;
            }
        }

        void Add(Type t)
        {
            while (t.HasElementType) t = t.GetElementType()!;
            if (t.IsGenericParameter || !used.Add(t)) return;
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) Add(a);
        }
    }

    /// <summary>The types, methods and fields a method body refers to, by walking its IL opcodes.</summary>
    private static IEnumerable<MemberInfo> BodyMembers(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var members = new List<MemberInfo>();
        for (var pos = 0; pos < il.Length;)
        {
            short value = il[pos++];
            if (value == 0xFE) value = (short)(0xFE00 | il[pos++]);
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    members.Add(method.Module.ResolveMember(BitConverter.ToInt32(il, pos), typeArgs, methodArgs)!);
                    pos += 4;
                    break;
                case OperandType.InlineSwitch:
                    pos += 4 + 4 * BitConverter.ToInt32(il, pos);
                    break;
                default:
                    pos += OperandSize(op.OperandType);
                    break;
            }
        }
        return members;
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
