package cn.baomi.scan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parsed command-line options. */
final class Options {

    enum Format { TEXT, JSONL, HTML }

    enum ProgressMode { AUTO, ON, OFF }

    static final String USAGE = """
            用法 (usage): java -jar baomi-scan.jar [选项] 路径...
            检查文件中的密级标志、关键词和敏感信息 (markings, keywords, sensitive patterns).

            选项 (options):
              --keywords 文件      关键词词典，每行一个词，可选 <TAB>类别<TAB>权重；可重复
              --format 格式        text（默认）、jsonl 或 html
              --output 文件        结果写入文件（默认标准输出）
              --threads N          并行线程数（默认：全部处理器核心）
              --incremental        增量检查：跳过未改变的文件（缓存在 ~/.cache/baomi-scan/）
              --cache 文件         增量检查使用的缓存文件（隐含 --incremental）
              --max-file-mb N      超过 N MB 的文件不检查内容（默认 512）
              --max-depth N        压缩包和附件最大嵌套层数（默认 5）
              --timeout-seconds N  每个文件的处理时限（默认 120）；RAR5 压缩包在子进程中读取，
                                   超时即终止该子进程
              --ocr                识别图片和纯图片 PDF 页中的文字（默认关闭；需要 tesseract-ocr
                                   和 tesseract-ocr-chi-sim；每张图片最多 60 秒）
              --tesseract 程序     tesseract 程序路径（默认在 PATH 中查找；隐含 --ocr）
              --progress / --no-progress  强制显示或关闭进度（默认：交互终端时显示在标准错误）
              -h, --help           显示本帮助

            退出码 (exit codes): 0 未发现; 1 发现标志或敏感内容; 2 有文件无法完整读取或参数错误
            """;

    final List<Path> keywordFiles = new ArrayList<>();
    final List<Path> paths = new ArrayList<>();
    Format format = Format.TEXT;
    Path output;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean incremental;
    Path cache;
    ProgressMode progress = ProgressMode.AUTO;
    long maxFileMb = 512;
    int maxDepth = 5;
    long timeoutSeconds = 120;
    boolean ocr;
    String tesseract = "tesseract";
    boolean help;

    /** Thrown for wrong arguments; the message is shown to the user. */
    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) throws BadArguments {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> o.help = true;
                case "--keywords" -> o.keywordFiles.add(Path.of(value(args, ++i, a)));
                case "--format" -> o.format = format(value(args, ++i, a));
                case "--output", "-o" -> o.output = Path.of(value(args, ++i, a));
                case "--threads" -> o.threads = positive(value(args, ++i, a), a);
                case "--incremental" -> o.incremental = true;
                case "--cache" -> {
                    o.cache = Path.of(value(args, ++i, a));
                    o.incremental = true;
                }
                case "--progress" -> o.progress = ProgressMode.ON;
                case "--no-progress" -> o.progress = ProgressMode.OFF;
                case "--max-file-mb" -> o.maxFileMb = positive(value(args, ++i, a), a);
                case "--max-depth" -> o.maxDepth = positive(value(args, ++i, a), a);
                case "--timeout-seconds" -> o.timeoutSeconds = positive(value(args, ++i, a), a);
                case "--ocr" -> o.ocr = true;
                case "--tesseract" -> {
                    o.tesseract = value(args, ++i, a);
                    o.ocr = true;
                }
                case "--" -> {
                    for (int k = i + 1; k < args.length; k++) {
                        o.paths.add(Path.of(args[k]));
                    }
                    i = args.length;
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new BadArguments("未知选项 (unknown option): " + a);
                    }
                    o.paths.add(Path.of(a));
                }
            }
        }
        if (!o.help && o.paths.isEmpty()) {
            throw new BadArguments("缺少要检查的路径 (no path given)");
        }
        return o;
    }

    private static String value(String[] args, int i, String option) throws BadArguments {
        if (i >= args.length) {
            throw new BadArguments("选项缺少参数 (missing value): " + option);
        }
        return args[i];
    }

    private static int positive(String v, String option) throws BadArguments {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadArguments("选项需要正整数 (positive integer expected): " + option + " " + v);
    }

    private static Format format(String v) throws BadArguments {
        return switch (v) {
            case "text" -> Format.TEXT;
            case "jsonl" -> Format.JSONL;
            case "html" -> Format.HTML;
            default -> throw new BadArguments("未知格式 (unknown format): " + v + "（可用 text、jsonl、html）");
        };
    }
}
