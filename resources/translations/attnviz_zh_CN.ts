<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PictureFile</name>
    <message>
        <source>Cannot save to &apos;%1&apos;: it is not a regular file.</source>
        <translation>无法保存到“%1”：它不是普通文件。</translation>
    </message>
    <message>
        <source>Cannot tell the format of &apos;%1&apos;: use .png, .svg or .pdf.</source>
        <translation>无法判断“%1”的格式：请使用 .png、.svg 或 .pdf。</translation>
    </message>
    <message>
        <source>Cannot save to &apos;%1&apos;: %2</source>
        <translation>无法保存到“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot save to &apos;%1&apos;: not enough memory for the image.</source>
        <translation>无法保存到“%1”：内存不足，无法生成图像。</translation>
    </message>
    <message>
        <source>Cannot save to &apos;%1&apos;: the SVG could not be started.</source>
        <translation>无法保存到“%1”：无法开始写入 SVG。</translation>
    </message>
    <message>
        <source>Cannot save to &apos;%1&apos;: the PDF could not be started.</source>
        <translation>无法保存到“%1”：无法开始写入 PDF。</translation>
    </message>
</context>
<context>
    <name>SessionFileText</name>
    <message>
        <source>&apos;seed&apos; must be a whole number from 0 to %1 written as text</source>
        <translation>“seed”必须是以文本形式写出的 0 到 %1 之间的整数</translation>
    </message>
</context>
<context>
    <name>attnviz::CommandLine</name>
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number</source>
        <translation>--%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>--%1: %2 is out of range (%3 to %4)</source>
        <translation>--%1：%2 超出范围（%3 到 %4）</translation>
    </message>
    <message>
        <source>--seed: &apos;%1&apos; is not a whole number from 0 to 18446744073709551615</source>
        <translation>--seed：“%1”不是 0 到 18446744073709551615 之间的整数</translation>
    </message>
    <message>
        <source>--%1 needs %2</source>
        <translation>--%1 需要%2</translation>
    </message>
    <message>
        <source>--%1 cannot be combined with a session; the session holds every setting</source>
        <translation>--%1 不能与会话文件同时使用；会话文件已包含所有设置</translation>
    </message>
    <message>
        <source>give one session at a time</source>
        <translation>一次只能打开一个会话文件</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (give the sentence with --sentence)</source>
        <translation>多余的参数“%1”（句子请用 --sentence 给出）</translation>
    </message>
    <message>
        <source>--lock-sizes sets dk and dv to d_model / heads; drop --dk and --dv</source>
        <translation>--lock-sizes 会把 dk 和 dv 设为 d_model / 头数；请去掉 --dk 和 --dv</translation>
    </message>
    <message>
        <source>--lock-sizes needs d_model of at least the head count</source>
        <translation>--lock-sizes 要求 d_model 不小于头数</translation>
    </message>
    <message>
        <source>--single-head has exactly one head; drop --heads or set it to 1</source>
        <translation>--single-head 只有一个头；请去掉 --heads 或将其设为 1</translation>
    </message>
    <message>
        <source>a file name</source>
        <translation>一个文件名</translation>
    </message>
    <message>
        <source>--weights-prefix needs --weights FILE</source>
        <translation>--weights-prefix 需要与 --weights FILE 一起使用</translation>
    </message>
    <message>
        <source>--vocab needs --embeddings FILE</source>
        <translation>--vocab 需要与 --embeddings FILE 一起使用</translation>
    </message>
    <message>
        <source>a built-in model&apos;s name or a model folder</source>
        <translation>一个内置模型的名称或一个模型文件夹</translation>
    </message>
    <message>
        <source>--%1 cannot be combined with --model; the model fixes it</source>
        <translation>--%1 不能与 --model 同时使用；模型已确定了这一项</translation>
    </message>
    <message>
        <source>a file name, or &apos;-&apos; for standard output</source>
        <translation>一个文件名，或用“-”表示标准输出</translation>
    </message>
    <message>
        <source>a file name ending in .png, .svg or .pdf</source>
        <translation>一个以 .png、.svg 或 .pdf 结尾的文件名</translation>
    </message>
    <message>
        <source>--metrics: unknown format &apos;%1&apos; (use text or csv)</source>
        <translation>--metrics：未知的格式“%1”（请用 text 或 csv）</translation>
    </message>
    <message>
        <source>--metrics and --dump - both print to standard output; give the dump a file name</source>
        <translation>--metrics 和 --dump - 都会输出到标准输出；请为转储指定一个文件名</translation>
    </message>
    <message>
        <source>--list-modules needs --weights FILE</source>
        <translation>--list-modules 需要与 --weights FILE 一起使用</translation>
    </message>
    <message>
        <source>attnviz shows what multi-head self-attention does: one heatmap per head.
Without --dump, --export, --save-weights or --list-modules it opens the window;
with them it runs headless. Limits: at most %1 tokens, %2 heads, d_model %3,
dk and dv %4, and about %5 MiB for one computation (the estimate is printed
when a configuration is refused).</source>
        <translation>attnviz 展示多头自注意力的作用：每个注意力头一张热力图。
不带 --dump、--export、--save-weights 或 --list-modules 时打开窗口；
带上它们则在无界面模式下运行。限制：最多 %1 个词元、%2 个头、d_model %3、
dk 和 dv %4，单次计算约 %5 MiB 内存（配置被拒绝时
会显示估算值）。</translation>
    </message>
    <message>
        <source>A .attnviz session to open.</source>
        <translation>要打开的 .attnviz 会话文件。</translation>
    </message>
    <message>
        <source>%1 needs a value (%2) but is followed by the flag %3; to use that text as the value, write %1=%3</source>
        <translation>%1 需要一个值（%2），但后面跟的是参数 %3；如果要把这段文字作为值，请写成 %1=%3</translation>
    </message>
    <message>
        <source>The sentence to analyse.</source>
        <translation>要分析的句子。</translation>
    </message>
    <message>
        <source>Number of attention heads (default 4).</source>
        <translation>注意力头的个数（默认 4）。</translation>
    </message>
    <message>
        <source>Query/key width per head (default 16).</source>
        <translation>每个头的查询/键维度（默认 16）。</translation>
    </message>
    <message>
        <source>Value width per head (default 16).</source>
        <translation>每个头的值维度（默认 16）。</translation>
    </message>
    <message>
        <source>Model width d_model (default 64).</source>
        <translation>模型维度 d_model（默认 64）。</translation>
    </message>
    <message>
        <source>Seed for embeddings and random weights (default 42).</source>
        <translation>嵌入和随机权重的随机种子（默认 42）。</translation>
    </message>
    <message>
        <source>Mask keys after each query (decoder-style attention).</source>
        <translation>遮住每个查询之后的键（解码器式的因果掩码）。</translation>
    </message>
    <message>
        <source>Do not add sinusoidal positional encoding.</source>
        <translation>不加正弦位置编码。</translation>
    </message>
    <message>
        <source>Tokenizer: words (default) or chars.</source>
        <translation>分词方式：words（按词，默认）或 chars（按字）。</translation>
    </message>
    <message>
        <source>The seed&apos;s Self_Attention: one head, no output projection.</source>
        <translation>原文的 Self_Attention：一个头，没有输出投影。</translation>
    </message>
    <message>
        <source>Refuse sentences longer than N tokens (default 512, at most %1).</source>
        <translation>拒绝超过 N 个词元的句子（默认 512，最多 %1）。</translation>
    </message>
    <message>
        <source>Write the result as JSON to FILE (&apos;-&apos; for standard output) and exit, without opening a window.</source>
        <translation>把结果以 JSON 格式写入 FILE（“-”表示标准输出）后退出，不打开窗口。</translation>
    </message>
    <message>
        <source>Load attention weights from a safetensors FILE.</source>
        <translation>从 safetensors 文件 FILE 加载注意力权重。</translation>
    </message>
    <message>
        <source>Which module of the weights file to use, e.g. &apos;encoder.layers.0.self_attn.&apos;.</source>
        <translation>使用权重文件中的哪个模块，例如“encoder.layers.0.self_attn.”。</translation>
    </message>
    <message>
        <source>List the attention modules in the --weights file and exit.</source>
        <translation>列出 --weights 文件中的注意力模块后退出。</translation>
    </message>
    <message>
        <source>Save the weights (random or loaded) as safetensors FILE in the seed&apos;s names, then exit unless --dump is given.</source>
        <translation>把权重（随机的或加载的）按原文的命名保存为 safetensors 文件 FILE，未给出 --dump 时随后退出。</translation>
    </message>
    <message>
        <source>Token vectors: a safetensors [vocab x d_model] tensor, or a GloVe/word2vec text file.</source>
        <translation>词元向量：safetensors 中的 [词表大小 x d_model] 张量，或 GloVe/word2vec 文本文件。</translation>
    </message>
    <message>
        <source>Render the figure to FILE (.png, .svg or .pdf) without a display, then exit.</source>
        <translation>不需要显示器，把图渲染到 FILE（.png、.svg 或 .pdf）后退出。</translation>
    </message>
    <message>
        <source>PNG resolution, 96-600 (default 192).</source>
        <translation>PNG 分辨率，96-600（默认 192）。</translation>
    </message>
    <message>
        <source>What to export: all heads (default), one head K, or mean.</source>
        <translation>导出内容：所有头（默认）、第 K 个头，或平均值（mean）。</translation>
    </message>
    <message>
        <source>Columns of the exported grid (default: balanced).</source>
        <translation>导出网格的列数（默认自动平衡）。</translation>
    </message>
    <message>
        <source>viridis (default), magma, cividis or grayscale.</source>
        <translation>viridis（默认）、magma、cividis 或 grayscale。</translation>
    </message>
    <message>
        <source>Colour scale: shared-unit (default; every heatmap 0-1), shared-max (0 to the largest weight shown) or per-head (each its own).</source>
        <translation>刻度：shared-unit（默认，每张热力图都是 0-1）、shared-max（0 到图中最大的权重）或 per-head（每个头各自的刻度）。</translation>
    </message>
    <message>
        <source>Print each weight in its cell (up to 12 tokens; default).</source>
        <translation>在每个格子里显示权重（最多 12 个词元；默认）。</translation>
    </message>
    <message>
        <source>Do not print weights in the cells.</source>
        <translation>不在格子里显示权重。</translation>
    </message>
    <message>
        <source>Add the panel of the mean over heads.</source>
        <translation>加上各头平均值的面板。</translation>
    </message>
    <message>
        <source>Add the uniform-attention baseline panel.</source>
        <translation>加上均匀注意力基线面板。</translation>
    </message>
    <message>
        <source>Figure size in pixels at 96 DPI (default 1600x900, sides %1-%2).</source>
        <translation>图的像素尺寸，按 96 DPI 计（默认 1600x900，边长 %1-%2）。</translation>
    </message>
    <message>
        <source>Open a saved session (.attnviz); with --export or --dump, render it headless.</source>
        <translation>打开保存的会话文件（.attnviz）；与 --export 或 --dump 一起使用时在无界面模式下渲染。</translation>
    </message>
    <message>
        <source>Put each head&apos;s role badge (previous token, self, ...) under its title, as the window does.</source>
        <translation>像窗口中一样，在每个头的标题下标出它的角色（前一个词元、自身……）。</translation>
    </message>
    <message>
        <source>Print the sentence and the configuration under the figure.</source>
        <translation>在图下方写出句子和配置。</translation>
    </message>
    <message>
        <source>The vocabulary of safetensors --embeddings, one token per line.</source>
        <translation>safetensors 格式 --embeddings 的词表，每行一个词元。</translation>
    </message>
    <message>
        <source>Run a whole model: a built-in model&apos;s NAME (see --list-models) or a model folder (GPT-2, BERT, DistilBERT).</source>
        <translation>运行整个模型：内置模型的名称 NAME（见 --list-models）或模型文件夹（GPT-2、BERT、DistilBERT）。</translation>
    </message>
    <message>
        <source>List the built-in trained models and exit.</source>
        <translation>列出内置的训练好的模型后退出。</translation>
    </message>
    <message>
        <source>Figure width with a unit: 3.3in (single column), 7in, 17cm, 240pt; the height follows the nearest preset&apos;s aspect unless --height is given.</source>
        <translation>带单位的图宽：3.3in（单栏）、7in、17cm、240pt；未给出 --height 时高度按最接近的预设比例确定。</translation>
    </message>
    <message>
        <source>Figure height with a unit (see --width).</source>
        <translation>带单位的图高（见 --width）。</translation>
    </message>
    <message>
        <source>Figure text size in points, 4-72.</source>
        <translation>图中文字的大小，单位为磅，4-72。</translation>
    </message>
    <message>
        <source>Print every head&apos;s metrics and role (entropy, shares, distance, importance; see docs/metrics.md) as a table and exit: text (aligned columns, the default) or csv. &apos;--metrics&apos; alone means text.</source>
        <translation>以表格输出每个头的指标和角色（熵、占比、距离、重要性；见 docs/metrics.md）后退出：text（对齐的列，默认）或 csv。单独的“--metrics”表示 text。</translation>
    </message>
    <message>
        <source>Set dk = dv = d_model / heads (the standard sizing; the window&apos;s size lock).</source>
        <translation>设 dk = dv = d_model / 头数（标准的尺寸设置，即窗口中的尺寸锁定）。</translation>
    </message>
    <message>
        <source>Leave the model&apos;s special tokens ([CLS], [SEP], &lt;|endoftext|&gt;) out of the heatmaps; the model still sees them, so rows sum to less than 1.</source>
        <translation>热力图中不显示模型的特殊词元（[CLS]、[SEP]、&lt;|endoftext|&gt;）；模型仍会看到它们，所以每行之和小于 1。</translation>
    </message>
    <message>
        <source>One row and column per word: attention to a word sums its pieces, attention from a word averages their rows.</source>
        <translation>每个词一行一列：指向一个词的注意力是其各片段之和，来自一个词的注意力是其各片段所在行的平均。</translation>
    </message>
    <message>
        <source>What to export: heads (one layer&apos;s grid, default) or model (every layer × head as thumbnails on one scale).</source>
        <translation>导出内容：heads（一层的网格，默认）或 model（所有层 × 头的缩略图，使用同一刻度）。</translation>
    </message>
    <message>
        <source>--colormap: unknown colour map &apos;%1&apos; (use viridis, magma, cividis or grayscale)</source>
        <translation>--colormap：未知的配色“%1”（请用 viridis、magma、cividis 或 grayscale）</translation>
    </message>
    <message>
        <source>--scale: unknown colour scale &apos;%1&apos; (use shared-unit, shared-max or per-head)</source>
        <translation>--scale：未知的刻度“%1”（请用 shared-unit、shared-max 或 per-head）</translation>
    </message>
    <message>
        <source>--values and --no-values contradict each other; give one</source>
        <translation>--values 和 --no-values 互相矛盾；请只给出一个</translation>
    </message>
    <message>
        <source>--dpi, --head, --columns, --size, --width, --height, --font-size, --layer, --view, --caption and --roles go with --export FILE</source>
        <translation>--dpi、--head、--columns、--size、--width、--height、--font-size、--layer、--view、--caption 和 --roles 需要与 --export FILE 一起使用</translation>
    </message>
    <message>
        <source>--export: cannot tell the format of &apos;%1&apos;; use .png, .svg or .pdf</source>
        <translation>--export：无法判断“%1”的格式；请用 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <source>--view: unknown view &apos;%1&apos; (use heads or model)</source>
        <translation>--view：未知的视图“%1”（请用 heads 或 model）</translation>
    </message>
    <message>
        <source>--view model draws every layer and head; drop --head, --layer and --columns</source>
        <translation>--view model 会画出所有层和头；请去掉 --head、--layer 和 --columns</translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not WIDTHxHEIGHT with sides from %2 to %3</source>
        <translation>--size：“%1”不是边长在 %2 到 %3 之间的 宽x高</translation>
    </message>
    <message>
        <source>--size and --width/--height say the same thing; give one</source>
        <translation>--size 与 --width/--height 指定的是同一件事；请只给出一种</translation>
    </message>
    <message>
        <source>--font-size: &apos;%1&apos; is not a size from %2 to %3 points</source>
        <translation>--font-size：“%1”不是 %2 到 %3 磅之间的字号</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>无法写入标准输出：%1</translation>
    </message>
    <message>
        <source>write error</source>
        <translation>写入出错</translation>
    </message>
    <message>
        <source>--dim %1 disagrees with the weights file, whose d_model is %2</source>
        <translation>--dim %1 与权重文件不一致，权重文件的 d_model 是 %2</translation>
    </message>
    <message>
        <source>--dk %1 disagrees with the weights file, whose query projection gives %3 heads dk = %2</source>
        <translation>--dk %1 与权重文件不一致，权重文件的查询投影按 %3 个头划分时 dk = %2</translation>
    </message>
    <message>
        <source>--dv %1 disagrees with the weights file, whose value projection gives %3 heads dv = %2</source>
        <translation>--dv %1 与权重文件不一致，权重文件的值投影按 %3 个头划分时 dv = %2</translation>
    </message>
    <message>
        <source>--single-head disagrees with the weights file, which has an output projection (%1)</source>
        <translation>--single-head 与权重文件不一致，该文件有输出投影（%1）</translation>
    </message>
    <message>
        <source>no attention module found in &apos;%1&apos;</source>
        <translation>在“%1”中没有找到注意力模块</translation>
    </message>
    <message>
        <source>out of memory; lower the sizes or the sentence length</source>
        <translation>内存不足；请减小尺寸或缩短句子</translation>
    </message>
    <message>
        <source>out of memory loading the weights or embeddings</source>
        <translation>加载权重或嵌入时内存不足</translation>
    </message>
    <message>
        <source>%1 (see attnviz --help)</source>
        <translation>%1（见 attnviz --help）</translation>
    </message>
    <message>
        <source>attnviz: warning: %1</source>
        <translation>attnviz：警告：%1</translation>
    </message>
    <message>
        <source>no display to open the window on (DISPLAY is not set); use --dump or --export to run without one</source>
        <translation>没有可以打开窗口的显示器（未设置 DISPLAY）；不用显示器运行请使用 --dump 或 --export</translation>
    </message>
    <message>
        <source>the list of models could not be written</source>
        <translation>无法输出模型列表</translation>
    </message>
    <message>
        <source>With --model: show (or export) the heads of layer K (default: 1).</source>
        <translation>与 --model 一起使用：显示（或导出）第 K 层的各个头（默认：1）。</translation>
    </message>
</context>
<context>
    <name>attnviz::InputError</name>
    <message>
        <source>the sentence has no tokens; type some words</source>
        <translation>句子中没有词元，请输入一些词语</translation>
    </message>
    <message>
        <source>the sentence has more than %1 tokens (the limit is %1)</source>
        <translation>句子超过 %1 个词元（上限为 %1）</translation>
    </message>
    <message>
        <source>the sentence has more than %1 tokens (the limit is %1, attnviz&apos;s largest)</source>
        <translation>句子超过 %1 个词元（上限为 %1，即 attnviz 所能处理的最大值）</translation>
    </message>
    <message>
        <source>the sentence has %1 tokens; %2 reads at most %3</source>
        <translation>句子有 %1 个词元，而 %2 最多只能读取 %3 个</translation>
    </message>
    <message>
        <source>the sentence is not valid UTF-8 (byte 0x%1 at byte offset %2)</source>
        <translation>句子不是有效的 UTF-8 文本（字节偏移 %2 处的字节 0x%1）</translation>
    </message>
    <message>
        <source>this configuration needs about %1 for %2 tokens, more than the limit of %3; lower heads, dk, dv, d_model or the sentence length</source>
        <translation>此配置处理 %2 个词元约需 %1 内存，超过了 %3 的上限；请减小头数、dk、dv、d_model 或缩短句子</translation>
    </message>
    <message>
        <source>running %1 on %2 tokens needs about %3, more than the limit of %4; shorten the sentence</source>
        <translation>用 %1 处理 %2 个词元约需 %3 内存，超过了 %4 的上限；请缩短句子</translation>
    </message>
    <message>
        <source>%1 must be between 1 and %2 (%3), got %4</source>
        <translation>%1（%3）必须在 1 到 %2 之间，当前为 %4</translation>
    </message>
    <message>
        <source>cannot open %1 %2: %3</source>
        <translation>无法打开%1 %2：%3</translation>
    </message>
    <message>
        <source>cannot read %1 %2: %3</source>
        <translation>无法读取%1 %2：%3</translation>
    </message>
    <message>
        <source>%1 %2 is %3, not a regular file</source>
        <translation>%1 %2 是%3，不是普通文件</translation>
    </message>
    <message>
        <source>%1 %2 has %3; the limit is %4</source>
        <translation>%1 %2 大小为 %3，上限为 %4</translation>
    </message>
    <message>
        <source>cannot read %1 %2: the file shrank while being read</source>
        <translation>无法读取%1 %2：读取过程中文件变小了</translation>
    </message>
    <message>
        <source>the model folder %1 does not exist</source>
        <translation>模型文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>the model folder %1 is not a folder</source>
        <translation>%1 不是文件夹，无法作为模型文件夹</translation>
    </message>
    <message>
        <source>the model folder has no tokenizer: tokenizer.json, or %1</source>
        <translation>模型文件夹中没有分词器：需要 tokenizer.json 或 %1</translation>
    </message>
    <message>
        <source>config.json has model_type &apos;%1&apos;; attnviz reads %2</source>
        <translation>config.json 中的 model_type 是“%1”；attnviz 支持的类型为 %2</translation>
    </message>
    <message>
        <source>the tokenizer has %1 entries but the model embeds only %2</source>
        <translation>分词器有 %1 个词条，但模型只有 %2 个嵌入向量</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object</source>
        <translation>%1 不是 JSON 对象</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; %3</source>
        <translation>%1：“%2” %3</translation>
    </message>
    <message>
        <source>%1 has no tensor &apos;%2&apos;</source>
        <translation>%1 中没有张量“%2”</translation>
    </message>
    <message>
        <source>%1 has no tensor &apos;%2&apos; (also looked under &apos;%3&apos;)</source>
        <translation>%1 中没有张量“%2”（也在“%3”下查找过）</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; in %2 holds NaN or infinite values</source>
        <translation>%2 中的张量“%1”含有 NaN 或无穷大值</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has shape %2, expected %3</source>
        <translation>张量“%1”的形状为 %2，应为 %3</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>the file is too short to be safetensors (%1 bytes; the header length alone takes 8)</source>
        <translation>文件太短，不是 safetensors 文件（只有 %1 字节，仅头部长度就要占 8 字节）</translation>
    </message>
    <message>
        <source>the header length %1 exceeds the limit of %2 bytes</source>
        <translation>头部长度 %1 超过了 %2 字节的上限</translation>
    </message>
    <message>
        <source>the header length %1 goes past the end of the file (%2 bytes)</source>
        <translation>头部长度 %1 超出了文件末尾（文件共 %2 字节）</translation>
    </message>
    <message>
        <source>the header is not valid UTF-8 (byte offset %1)</source>
        <translation>头部不是有效的 UTF-8 文本（字节偏移 %1）</translation>
    </message>
    <message>
        <source>the header is not valid JSON (at byte %1)</source>
        <translation>头部不是有效的 JSON（第 %1 字节处）</translation>
    </message>
    <message>
        <source>the header is not valid JSON (a number is out of range)</source>
        <translation>头部不是有效的 JSON（有数字超出范围）</translation>
    </message>
    <message>
        <source>the header is not a JSON object</source>
        <translation>头部不是 JSON 对象</translation>
    </message>
    <message>
        <source>tensor name %1 appears more than once in the header</source>
        <translation>张量名 %1 在头部中出现了不止一次</translation>
    </message>
    <message>
        <source>tensor %1 is not described by a JSON object</source>
        <translation>张量 %1 的描述不是 JSON 对象</translation>
    </message>
    <message>
        <source>tensor %1 needs dtype, shape and data_offsets</source>
        <translation>张量 %1 需要 dtype、shape 和 data_offsets</translation>
    </message>
    <message>
        <source>the dtype of tensor %1 is not a string</source>
        <translation>张量 %1 的 dtype 不是字符串</translation>
    </message>
    <message>
        <source>tensor %1 has unknown dtype %2</source>
        <translation>张量 %1 的 dtype %2 无法识别</translation>
    </message>
    <message>
        <source>%1 of tensor %2 must be a list of non-negative integers</source>
        <translation>张量 %2 的%1必须是非负整数列表</translation>
    </message>
    <message>
        <source>data_offsets of tensor %1 must hold exactly two offsets</source>
        <translation>张量 %1 的 data_offsets 必须恰好包含两个偏移量</translation>
    </message>
    <message>
        <source>tensor %1 has reversed data_offsets [%2, %3]</source>
        <translation>张量 %1 的 data_offsets [%2, %3] 起止颠倒</translation>
    </message>
    <message>
        <source>tensor %1 overlaps the tensor before it (starts at byte %2, expected %3)</source>
        <translation>张量 %1 与前一个张量重叠（从第 %2 字节开始，应为 %3）</translation>
    </message>
    <message>
        <source>gap before tensor %1: bytes %2 to %3 belong to no tensor</source>
        <translation>张量 %1 前有空隙：第 %2 到 %3 字节不属于任何张量</translation>
    </message>
    <message>
        <source>tensor %1 ends at byte %2, past the end of the data (%3 bytes)</source>
        <translation>张量 %1 结束于第 %2 字节，超出了数据末尾（数据共 %3 字节）</translation>
    </message>
    <message>
        <source>the shape of tensor %1 %2 overflows 64 bits</source>
        <translation>张量 %1 的形状 %2 超出 64 位整数范围</translation>
    </message>
    <message>
        <source>tensor %1 has shape %2 of %3 (%4 bytes) but data_offsets cover %5 bytes</source>
        <translation>张量 %1 的形状为 %2、类型为 %3（%4 字节），但 data_offsets 覆盖了 %5 字节</translation>
    </message>
    <message>
        <source>the file has %1 bytes after the last tensor that belong to no tensor</source>
        <translation>文件在最后一个张量之后还有 %1 字节不属于任何张量</translation>
    </message>
    <message>
        <source>tensor %1 holds %2; weights must be F16, BF16, F32 or F64</source>
        <translation>张量 %1 的类型为 %2；权重必须是 F16、BF16、F32 或 F64</translation>
    </message>
    <message>
        <source>tensor %1 has shape %2; expected a matrix</source>
        <translation>张量 %1 的形状为 %2；此处需要矩阵</translation>
    </message>
    <message>
        <source>tensor %1 has shape %2; expected a vector</source>
        <translation>张量 %1 的形状为 %2；此处需要向量</translation>
    </message>
    <message>
        <source>the weights file</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <source>the session</source>
        <translation>会话文件</translation>
    </message>
    <message>
        <source>the session&apos;s weights file</source>
        <translation>会话所用的权重文件</translation>
    </message>
    <message>
        <source>the model&apos;s config.json</source>
        <translation>模型的 config.json</translation>
    </message>
    <message>
        <source>the vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>the merges</source>
        <translation>合并规则文件</translation>
    </message>
    <message>
        <source>the tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>the tokenizer config</source>
        <translation>分词器配置</translation>
    </message>
    <message>
        <source>the embeddings file</source>
        <translation>嵌入文件</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>一个 FIFO（命名管道）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>一个设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>一个套接字</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>the model width</source>
        <translation>模型维度</translation>
    </message>
    <message>
        <source>the number of heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>the query/key width per head</source>
        <translation>每个头的查询/键维度</translation>
    </message>
    <message>
        <source>the value width per head</source>
        <translation>每个头的值维度</translation>
    </message>
    <message>
        <source>the shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>the safetensors file</source>
        <translation>safetensors 文件</translation>
    </message>
    <message>
        <source>%1 needs a file name</source>
        <translation>%1需要一个文件名</translation>
    </message>
    <message>
        <source>cannot write %1 %2: %3</source>
        <translation>无法写入%1 %2：%3</translation>
    </message>
    <message>
        <source>cannot write %1 %2: it is %3, not a regular file; it is left as it is</source>
        <translation>无法写入%1 %2：它是%3，不是普通文件；已保持原样</translation>
    </message>
    <message>
        <source>cannot write %1 %2: too many levels of symbolic links</source>
        <translation>无法写入%1 %2：符号链接层数过多</translation>
    </message>
    <message>
        <source>writing %1 %2 failed: %3; any previous file is unchanged</source>
        <translation>写入%1 %2 失败：%3；原有文件保持不变</translation>
    </message>
    <message>
        <source>cannot write %1 %2: the file was already closed</source>
        <translation>无法写入%1 %2：文件已经关闭</translation>
    </message>
    <message>
        <source>cannot replace %1 %2: %3</source>
        <translation>无法替换%1 %2：%3</translation>
    </message>
    <message>
        <source>cannot write %1 to standard output: %2</source>
        <translation>无法把%1写入标准输出：%2</translation>
    </message>
    <message>
        <source>cannot map %1 %2: %3</source>
        <translation>无法映射%1 %2：%3</translation>
    </message>
    <message>
        <source>cannot read the header length: %1</source>
        <translation>无法读取头部长度：%1</translation>
    </message>
    <message>
        <source>__metadata__ must be a JSON object of strings</source>
        <translation>__metadata__ 必须是值为字符串的 JSON 对象</translation>
    </message>
    <message>
        <source>__metadata__ value %1 is not a string</source>
        <translation>__metadata__ 中的值 %1 不是字符串</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; is missing</source>
        <translation>缺少张量“%1”</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has shape %2; expected a matrix</source>
        <translation>张量“%1”的形状为 %2；此处需要矩阵</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has shape %2, too large for attnviz</source>
        <translation>张量“%1”的形状为 %2，对 attnviz 来说太大</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; holds 1 NaN or infinite value</source>
        <translation>张量“%1”含有 1 个 NaN 或无穷大值</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; holds %2 NaN or infinite values</source>
        <translation>张量“%1”含有 %2 个 NaN 或无穷大值</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has length %2, expected %3</source>
        <translation>张量“%1”的长度为 %2，应为 %3</translation>
    </message>
    <message>
        <source>__metadata__ num_heads is &apos;%1&apos;, not a whole number from 1 to %2</source>
        <translation>__metadata__ 中的 num_heads 是“%1”，不是 1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has %2 in-features but the query projection has %3</source>
        <translation>张量“%1”的输入维度为 %2，但查询投影的输入维度为 %3</translation>
    </message>
    <message>
        <source>no attention module found: expected tensors named q_linear/k_linear/v_linear/out_linear, q/k/v, or in_proj_weight/out_proj (under any prefix)</source>
        <translation>没有找到注意力模块：需要名为 q_linear/k_linear/v_linear/out_linear、q/k/v 或 in_proj_weight/out_proj 的张量（前缀不限）</translation>
    </message>
    <message>
        <source>no attention module has the prefix &apos;%1&apos;; found %2</source>
        <translation>没有前缀为“%1”的注意力模块；找到的有 %2</translation>
    </message>
    <message>
        <source>the file holds %1 attention modules; choose one with --weights-prefix: %2</source>
        <translation>文件中有 %1 个注意力模块；请用 --weights-prefix 选择其中一个：%2</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has %2 rows, not three equal blocks for q, k and v</source>
        <translation>张量“%1”有 %2 行，无法平均分成查询、键、值三块</translation>
    </message>
    <message>
        <source>the key projection has %1 rows but the query projection has %2</source>
        <translation>键投影有 %1 行，而查询投影有 %2 行</translation>
    </message>
    <message>
        <source>Self_Attention weights have exactly one head; drop --heads</source>
        <translation>Self_Attention 权重只有一个头；请去掉 --heads</translation>
    </message>
    <message>
        <source>the head count %1 is out of range (1 to %2)</source>
        <translation>头数 %1 超出范围（1 到 %2）</translation>
    </message>
    <message>
        <source>the file does not say how many heads the projections hold (PyTorch does not store it); give it with --heads, or as __metadata__ num_heads</source>
        <translation>文件中没有记录投影包含几个头（PyTorch 不保存这一信息）；请用 --heads 指定，或写入 __metadata__ 的 num_heads</translation>
    </message>
    <message>
        <source>%1 heads do not divide the projections: the query has %2 rows and the value %3</source>
        <translation>%1 个头无法整除投影：查询投影有 %2 行，值投影有 %3 行</translation>
    </message>
    <message>
        <source>the output projection has shape [%1, %2], expected [%3, %4]</source>
        <translation>输出投影的形状为 [%1, %2]，应为 [%3, %4]</translation>
    </message>
    <message>
        <source>%1.weight has shape %2, expected [%3 x %4]</source>
        <translation>%1.weight 的形状为 %2，应为 [%3 x %4]</translation>
    </message>
    <message>
        <source>%1.bias has length %2, expected %3</source>
        <translation>%1.bias 的长度为 %2，应为 %3</translation>
    </message>
    <message>
        <source>%1 holds NaN or infinite values</source>
        <translation>%1 含有 NaN 或无穷大值</translation>
    </message>
    <message>
        <source>the weights do not match the configuration (weights have d_model %1, %2 heads, dk %3, dv %4)</source>
        <translation>权重与配置不符（权重的 d_model 为 %1，%2 个头，dk 为 %3，dv 为 %4）</translation>
    </message>
    <message>
        <source>single-head mode has exactly one head, got heads = %1</source>
        <translation>单头模式只有一个头，但头数为 %1</translation>
    </message>
    <message>
        <source>the %1 of head %2 overflow the float range (a value is infinite or NaN); the weights or embeddings are too large in magnitude</source>
        <translation>第 %2 个头的%1超出了浮点数范围（出现无穷大或 NaN）；权重或嵌入的数值太大</translation>
    </message>
    <message>
        <source>the %1 overflow the float range (a value is infinite or NaN); the weights or embeddings are too large in magnitude</source>
        <translation>%1超出了浮点数范围（出现无穷大或 NaN）；权重或嵌入的数值太大</translation>
    </message>
    <message>
        <source>cannot tell which tensor holds the embeddings: the file has %1 matrices and %2 named like *embedding.weight</source>
        <translation>无法判断哪个张量是嵌入：文件中有 %1 个矩阵，其中 %2 个名称形如 *embedding.weight</translation>
    </message>
    <message>
        <source>the embeddings need a vocabulary: give --vocab FILE (one token per line) or store __metadata__ vocab as a JSON list</source>
        <translation>嵌入需要词表：请用 --vocab FILE 给出（每行一个词元），或在 __metadata__ 中以 JSON 列表保存 vocab</translation>
    </message>
    <message>
        <source>__metadata__ vocab is not a JSON list of strings</source>
        <translation>__metadata__ 中的 vocab 不是字符串组成的 JSON 列表</translation>
    </message>
    <message>
        <source>the vocabulary has %1 tokens but tensor &apos;%2&apos; has %3 rows</source>
        <translation>词表有 %1 个词元，但张量“%2”有 %3 行</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; holds NaN or infinite values</source>
        <translation>张量“%1”含有 NaN 或无穷大值</translation>
    </message>
    <message>
        <source>embeddings line %1: the word is not valid UTF-8</source>
        <translation>嵌入文件第 %1 行：词不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>embeddings line %1 has a word but no numbers</source>
        <translation>嵌入文件第 %1 行只有词，没有数值</translation>
    </message>
    <message>
        <source>embeddings line %1 has %2 numbers; the first line has %3</source>
        <translation>嵌入文件第 %1 行有 %2 个数值，而第一行有 %3 个</translation>
    </message>
    <message>
        <source>embeddings line %1: &apos;%2&apos; is out of the range of a 32-bit float (about 1.2e-38 to 3.4e38 in magnitude, or 0)</source>
        <translation>嵌入文件第 %1 行：“%2”超出了 32 位浮点数的范围（绝对值约为 1.2e-38 到 3.4e38，或 0）</translation>
    </message>
    <message>
        <source>embeddings line %1: &apos;%2&apos; is not a number</source>
        <translation>嵌入文件第 %1 行：“%2”不是数字</translation>
    </message>
    <message>
        <source>embeddings line %1: &apos;%2&apos; is not a finite number (NaN or infinity)</source>
        <translation>嵌入文件第 %1 行：“%2”不是有限的数（NaN 或无穷大）</translation>
    </message>
    <message>
        <source>the embeddings file %1 holds no vectors</source>
        <translation>嵌入文件 %1 中没有任何向量</translation>
    </message>
    <message>
        <source>--vocab goes with safetensors embeddings; %1 is a text file</source>
        <translation>--vocab 只用于 safetensors 格式的嵌入；%1 是文本文件</translation>
    </message>
    <message>
        <source>the embeddings have %1 dimensions but d_model is %2</source>
        <translation>嵌入有 %1 维，但 d_model 是 %2</translation>
    </message>
    <message>
        <source>unknown tokenizer &apos;%1&apos; (use words or chars)</source>
        <translation>未知的分词方式“%1”（请用 words 或 chars）</translation>
    </message>
    <message>
        <source>the text segmenter (ICU break iterator) is unavailable: %1</source>
        <translation>文本切分器（ICU 断词迭代器）不可用：%1</translation>
    </message>
    <message>
        <source>the text segmenter (ICU) cannot open the sentence: %1</source>
        <translation>文本切分器（ICU）无法打开这个句子：%1</translation>
    </message>
    <message>
        <source>the text segmenter (ICU) cannot segment the sentence: %1</source>
        <translation>文本切分器（ICU）无法切分这个句子：%1</translation>
    </message>
    <message>
        <source>GPT-2&apos;s split pattern does not compile with ICU (%1)</source>
        <translation>GPT-2 的切分正则表达式无法用 ICU 编译（%1）</translation>
    </message>
    <message>
        <source>GPT-2&apos;s split pattern failed on the sentence (%1)</source>
        <translation>GPT-2 的切分正则表达式处理这个句子时出错（%1）</translation>
    </message>
    <message>
        <source>the Unicode normalization data is unavailable (%1)</source>
        <translation>Unicode 规范化数据不可用（%1）</translation>
    </message>
    <message>
        <source>the sentence is too long (over 2 GiB)</source>
        <translation>句子太长（超过 2 GiB）</translation>
    </message>
    <message>
        <source>the sentence is %1 bytes long; the limit is 1 MiB</source>
        <translation>句子长 %1 字节；上限为 1 MiB</translation>
    </message>
    <message>
        <source>the sentence has more than %1 tokens (the limit is %1, with the %2 special tokens the model adds)</source>
        <translation>句子超过 %1 个词元（上限为 %1，其中包括模型添加的 %2 个特殊词元）</translation>
    </message>
    <message>
        <source>a limit of %1 tokens leaves no room for %2 special tokens</source>
        <translation>%1 个词元的上限容纳不下 %2 个特殊词元</translation>
    </message>
    <message>
        <source>the vocabulary lists &apos;%1&apos; twice (lines %2 and %3)</source>
        <translation>词表中“%1”出现了两次（第 %2 行和第 %3 行）</translation>
    </message>
    <message>
        <source>the vocabulary has no unknown-token entry &apos;%1&apos;</source>
        <translation>词表中没有未知词元“%1”</translation>
    </message>
    <message>
        <source>the vocabulary is not valid UTF-8 (byte offset %1)</source>
        <translation>词表不是有效的 UTF-8 文本（字节偏移 %1）</translation>
    </message>
    <message>
        <source>the vocabulary is empty</source>
        <translation>词表是空的</translation>
    </message>
    <message>
        <source>the vocabulary has no entry for the character &quot;%1&quot; and no unknown token</source>
        <translation>词表中没有字符“%1”，也没有未知词元</translation>
    </message>
    <message>
        <source>%1: the unknown token &quot;%2&quot; is not in the vocabulary</source>
        <translation>%1：未知词元“%2”不在词表中</translation>
    </message>
    <message>
        <source>%1: merge %2 (&quot;%3 %4&quot;) uses a token that is not in the vocabulary</source>
        <translation>%1：第 %2 条合并规则（“%3 %4”）用到了词表中没有的词元</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8 (byte offset %2)</source>
        <translation>%1 不是有效的 UTF-8 文本（字节偏移 %2）</translation>
    </message>
    <message>
        <source>%1: line %2 must be two tokens separated by one space</source>
        <translation>%1：第 %2 行必须是用一个空格隔开的两个词元</translation>
    </message>
    <message>
        <source>%1 has too many lines</source>
        <translation>%1 的行数太多</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 是空的</translation>
    </message>
    <message>
        <source>%1 has no [CLS] or no [SEP] entry, which BERT&apos;s template needs</source>
        <translation>%1 中没有 [CLS] 或 [SEP]，而 BERT 的模板需要它们</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2)</source>
        <translation>%1 不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <source>%1: %2 &quot;%3&quot; is not supported (supported: TemplateProcessing, BertProcessing, ByteLevel, Sequence of those, or null)</source>
        <translation>%1：%2“%3”不受支持（支持：TemplateProcessing、BertProcessing、ByteLevel、由它们组成的 Sequence，或 null）</translation>
    </message>
    <message>
        <source>%1: normalizer.type &quot;%2&quot; is not supported (supported: BertNormalizer, or null)</source>
        <translation>%1：normalizer.type“%2”不受支持（支持：BertNormalizer，或 null）</translation>
    </message>
    <message>
        <source>%1: pre_tokenizer.type &quot;%2&quot; is not supported (supported: ByteLevel, BertPreTokenizer)</source>
        <translation>%1：pre_tokenizer.type“%2”不受支持（支持：ByteLevel、BertPreTokenizer）</translation>
    </message>
    <message>
        <source>%1: model %2 with pre_tokenizer %3 is not supported (supported: BPE with the ByteLevel pre-tokenizer and no normalizer; WordPiece with BertPreTokenizer)</source>
        <translation>%1：不支持模型 %2 搭配 pre_tokenizer %3（支持：BPE 搭配 ByteLevel 预分词器且不带规范化器；WordPiece 搭配 BertPreTokenizer）</translation>
    </message>
    <message>
        <source>%1: model %2 with pre_tokenizer %3 and BertNormalizer is not supported (supported: BPE with the ByteLevel pre-tokenizer and no normalizer; WordPiece with BertPreTokenizer)</source>
        <translation>%1：不支持模型 %2 搭配 pre_tokenizer %3 和 BertNormalizer（支持：BPE 搭配 ByteLevel 预分词器且不带规范化器；WordPiece 搭配 BertPreTokenizer）</translation>
    </message>
    <message>
        <source>%1: model.type &quot;%2&quot; is not supported (supported: BPE, WordPiece)</source>
        <translation>%1：model.type“%2”不受支持（支持：BPE、WordPiece）</translation>
    </message>
    <message>
        <source>%1: %2 must be a whole number from 0 to 2147483647, not %3</source>
        <translation>%1：%2 必须是 0 到 2147483647 之间的整数，而不是 %3</translation>
    </message>
    <message>
        <source>config.json: &quot;tokenizer&quot; is &apos;%1&apos;; attnviz models use words, words-lowercase or chars</source>
        <translation>config.json：“tokenizer”是“%1”；attnviz 模型使用 words、words-lowercase 或 chars</translation>
    </message>
    <message>
        <source>%1 config: %2 (%3) is not a multiple of the head count (%4)</source>
        <translation>%1 配置：%2（%3）不是头数（%4）的整数倍</translation>
    </message>
    <message>
        <source>config.json: &quot;%1&quot; is &apos;%2&apos;; attnviz runs gelu, gelu_new and gelu_pytorch_tanh</source>
        <translation>config.json：“%1”是“%2”；attnviz 支持 gelu、gelu_new 和 gelu_pytorch_tanh</translation>
    </message>
    <message>
        <source>config.json: scale_attn_by_inverse_layer_idx and reorder_and_upcast_attn are not supported</source>
        <translation>config.json：不支持 scale_attn_by_inverse_layer_idx 和 reorder_and_upcast_attn</translation>
    </message>
    <message>
        <source>config.json: position_embedding_type &apos;%1&apos; is not supported (only absolute)</source>
        <translation>config.json：不支持 position_embedding_type“%1”（只支持 absolute）</translation>
    </message>
    <message>
        <source>config.json: attnviz models use sinusoidal positions and post-norm</source>
        <translation>config.json：attnviz 模型使用正弦位置编码和后置归一化（post-norm）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is %3; attnviz reads %4 to %5</source>
        <translation>%1：“%2”是 %3；attnviz 支持 %4 到 %5</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is out of range (%3 to %4)</source>
        <translation>%1：“%2”超出范围（%3 到 %4）</translation>
    </message>
    <message>
        <source>the model %1 has no tokenizer</source>
        <translation>模型 %1 没有分词器</translation>
    </message>
    <message>
        <source>token id %1 is outside the vocabulary of %2 entries</source>
        <translation>词元编号 %1 超出了 %2 个词条的词表</translation>
    </message>
    <message>
        <source>the %1 of layer %2, head %3 are not finite numbers (the weights or inputs are too large)</source>
        <translation>第 %2 层第 %3 个头的%1不是有限的数（权重或输入太大）</translation>
    </message>
    <message>
        <source>the attention scores of layer %1, head %2 overflow (a query·key product is not a finite float); the weights or inputs are too large</source>
        <translation>第 %1 层第 %2 个头的注意力分数溢出（某个查询·键乘积不是有限的浮点数）；权重或输入太大</translation>
    </message>
    <message>
        <source>the load was cancelled</source>
        <translation>加载已取消</translation>
    </message>
    <message>
        <source>this configuration&apos;s cost is too large to count in 64 bits</source>
        <translation>这个配置的计算量太大，64 位整数已无法计数</translation>
    </message>
    <message>
        <source>one head of the same total width would be %1 wide, too wide to describe</source>
        <translation>总宽度相同的单个头将有 %1 宽，太宽了，无法描述</translation>
    </message>
    <message>
        <source>the dump</source>
        <translation>转储文件</translation>
    </message>
    <message>
        <source>the metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>是空的</translation>
    </message>
    <message>
        <source>is not supported</source>
        <translation>不受支持</translation>
    </message>
    <message>
        <source>is not supported (encoding must be deterministic)</source>
        <translation>不受支持（编码必须是确定的）</translation>
    </message>
    <message>
        <source>is missing (supported: ByteLevel, BertPreTokenizer)</source>
        <translation>缺失（支持：ByteLevel、BertPreTokenizer）</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 2147483647</source>
        <translation>必须是 0 到 2147483647 之间的整数</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>must be two tokens separated by one space</source>
        <translation>必须是用一个空格隔开的两个词元</translation>
    </message>
    <message>
        <source>must be a string &quot;left right&quot; or a pair of strings</source>
        <translation>必须是字符串 &quot;left right&quot; 或由两个字符串组成的数组</translation>
    </message>
    <message>
        <source>must have as many ids as tokens, at least one</source>
        <translation>词元和编号的个数必须相同，且至少一个</translation>
    </message>
    <message>
        <source>must be {&quot;Sequence&quot;: ...} or {&quot;SpecialToken&quot;: ...}</source>
        <translation>必须是 {&quot;Sequence&quot;: ...} 或 {&quot;SpecialToken&quot;: ...}</translation>
    </message>
    <message>
        <source>must be [token, id]</source>
        <translation>必须是 [词元, 编号]</translation>
    </message>
    <message>
        <source>must be &quot;A&quot; in a single-sentence template</source>
        <translation>在单句模板中必须是 &quot;A&quot;</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>键</translation>
    </message>
    <message>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>注意力分数</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>outputs of the output projection</source>
        <translation>输出投影的输出</translation>
    </message>
    <message>
        <source>attention weights</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>attention outputs</source>
        <translation>注意力输出</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>设备上没有剩余空间</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>超出了磁盘配额</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>符号链接层数过多</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>打开的文件太多</translation>
    </message>
    <message>
        <source>Cannot allocate memory</source>
        <translation>无法分配内存</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>设备或资源忙</translation>
    </message>
    <message>
        <source>Text file busy</source>
        <translation>文本文件忙</translation>
    </message>
    <message>
        <source>No such device or address</source>
        <translation>没有这个设备或地址</translation>
    </message>
    <message>
        <source>Stale file handle</source>
        <translation>文件句柄已失效</translation>
    </message>
    <message>
        <source>--heads %1 disagrees with the weights file, whose __metadata__ num_heads is %2</source>
        <translation>--heads %1 与权重文件不一致：该文件的 __metadata__ num_heads 为 %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a built-in model (see attnviz --list-models) nor a model folder</source>
        <translation>“%1”既不是内置模型（见 attnviz --list-models），也不是模型文件夹</translation>
    </message>
    <message>
        <source>cannot write %1 %2: no new file can be made in the folder %3: %4</source>
        <translation>无法写入%1 %2：无法在文件夹 %3 中新建文件：%4</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::AnalysisPanels</name>
    <message>
        <source>Head similarity</source>
        <translation>头的相似度</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Head-count sweep</source>
        <translation>头数对比</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>计算代价</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::AttentionSession</name>
    <message>
        <source>&apos;%1&apos; is too large to load</source>
        <translation>“%1”太大，无法加载</translation>
    </message>
    <message>
        <source>out of memory; lower the sizes or shorten the sentence</source>
        <translation>内存不足；请减小各维度或缩短句子</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ColorBarView</name>
    <message>
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::Colormaps</name>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <source>Cividis (colour-blind safe)</source>
        <translation>Cividis（适合色弱读者）</translation>
    </message>
    <message>
        <source>Grayscale (print)</source>
        <translation>灰度（适合打印）</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ControlPanel</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>View</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>dk = dv = d_model / heads</source>
        <translation>dk = dv = d_model / 头数</translation>
    </message>
    <message>
        <source>The standard Transformer sizing. Off: dk and dv move freely, as in the seed&apos;s MultiHeadAttention(dim, dk, dv, num_heads).</source>
        <translation>Transformer 的标准设定。关闭时 dk 和 dv 可自由调节，与原文的 MultiHeadAttention(dim, dk, dv, num_heads) 一致。</translation>
    </message>
    <message>
        <source>&amp;New seed</source>
        <translation>换个种子(&amp;N)</translation>
    </message>
    <message>
        <source>Draw new random weights and embeddings</source>
        <translation>重新随机生成权重和嵌入</translation>
    </message>
    <message>
        <source>&amp;Causal mask (decoder)</source>
        <translation>因果掩码（解码器）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Positional encoding</source>
        <translation>位置编码(&amp;P)</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字</translation>
    </message>
    <message>
        <source>Single-head &amp;seed mode</source>
        <translation>原文单头模式(&amp;S)</translation>
    </message>
    <message>
        <source>The seed&apos;s Self_Attention(dim, dk, dv): one head, no output projection</source>
        <translation>原文的 Self_Attention(dim, dk, dv)：只有一个头，没有输出投影</translation>
    </message>
    <message>
        <source>&amp;Heads:</source>
        <translation>头数(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;dk:</source>
        <translation>dk(&amp;D)：</translation>
    </message>
    <message>
        <source>d&amp;v:</source>
        <translation>dv(&amp;V)：</translation>
    </message>
    <message>
        <source>d_&amp;model:</source>
        <translation>d_model(&amp;M)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>词元(&amp;T)：</translation>
    </message>
    <message>
        <source>Values in cells (N ≤ %1)</source>
        <translation>在格子里显示数值（N ≤ %1）</translation>
    </message>
    <message>
        <source>Shared, 0 – 1</source>
        <translation>统一刻度，0 – 1</translation>
    </message>
    <message>
        <source>Shared, 0 – largest weight</source>
        <translation>统一刻度，0 – 最大权重</translation>
    </message>
    <message>
        <source>Per head, 0 – its largest</source>
        <translation>各头独立，0 – 该头最大值</translation>
    </message>
    <message>
        <source>Shared scales keep heads comparable; per-head scales show each head&apos;s pattern at full contrast</source>
        <translation>统一刻度便于比较各个头；各头独立刻度则以最高对比度显示每个头的模式</translation>
    </message>
    <message>
        <source>Mean over heads panel</source>
        <translation>显示各头平均图</translation>
    </message>
    <message>
        <source>Single-head baseline panel</source>
        <translation>显示单头基线图</translation>
    </message>
    <message>
        <source>One head with dk = dv = d_model, for comparison</source>
        <translation>一个 dk = dv = d_model 的单头，用作对照</translation>
    </message>
    <message>
        <source>C&amp;olours:</source>
        <translation>配色(&amp;O)：</translation>
    </message>
    <message>
        <source>Sc&amp;ale:</source>
        <translation>刻度(&amp;A)：</translation>
    </message>
    <message>
        <source>%1 is not divisible by %2 heads: dk = dv = %3 (rounded down)</source>
        <translation>%1 不能被 %2 个头整除：dk = dv = %3（向下取整）</translation>
    </message>
    <message>
        <source>dk = dv = %1 / %2 = %3</source>
        <translation>dk = dv = %1 / %2 = %3</translation>
    </message>
    <message>
        <source>Sizes, mask and tokens come from the model %1.</source>
        <translation>维度、掩码和词元都由模型 %1 决定。</translation>
    </message>
    <message>
        <source>Weights from %1; sizes come from the file.</source>
        <translation>权重来自 %1；维度由该文件决定。</translation>
    </message>
    <message>
        <source>The number of attention heads h. Each head has its own query, key and value projections and its own heatmap.</source>
        <translation>注意力头的个数 h。每个头都有自己的查询、键、值投影，也有自己的一张热力图。</translation>
    </message>
    <message>
        <source>dk: the width of each head&apos;s queries and keys. Scores are the scaled dot product q · k / √dk.</source>
        <translation>dk：每个头中查询和键向量的维度。注意力分数是缩放点积 q · k / √dk。</translation>
    </message>
    <message>
        <source>dv: the width of each head&apos;s values, so each head outputs dv numbers per token; the h outputs are concatenated (h · dv).</source>
        <translation>dv：每个头中值向量的维度，即每个头为每个词元输出 dv 个数；h 个头的输出再拼接起来（h · dv）。</translation>
    </message>
    <message>
        <source>d_model: the width of each token&apos;s vector (the embedding) going in and of the output coming out.</source>
        <translation>d_model（模型维度）：输入时每个词元的向量（嵌入）的维度，也是输出向量的维度。</translation>
    </message>
    <message>
        <source>The seed of the random weights and embeddings: the same seed gives the same numbers.</source>
        <translation>随机权重和嵌入所用的种子：种子相同，结果就相同。</translation>
    </message>
    <message>
        <source>How the sentence is cut into tokens: words (Chinese words by a dictionary) or single characters</source>
        <translation>句子如何切分成词元：按词（中文按词典分词）或按单个字</translation>
    </message>
    <message>
        <source>Each token attends only to itself and earlier tokens, as in a decoder that predicts the next word; later cells are masked.</source>
        <translation>每个词元只关注自己和前面的词元，就像预测下一个词的解码器那样；后面的格子被遮住。</translation>
    </message>
    <message>
        <source>Adds sinusoidal position vectors to the embeddings. Without them attention ignores word order, and repeated words get identical rows.</source>
        <translation>在嵌入上加上正弦位置向量。没有位置编码时，注意力不考虑词序，重复出现的词会得到完全相同的行。</translation>
    </message>
    <message>
        <source>The colour map from weight 0 (dark) to the largest weight (bright); cividis suits colour-blind readers, grayscale print</source>
        <translation>从权重 0（深色）到最大权重（亮色）的配色；cividis 适合色弱读者，灰度适合打印</translation>
    </message>
    <message>
        <source>Print each attention weight in its cell when the sentence is short enough to read them</source>
        <translation>句子足够短时，在每个格子里写出注意力权重</translation>
    </message>
    <message>
        <source>One more heatmap: the average of all heads&apos; weights</source>
        <translation>多显示一张热力图：所有头的权重平均值</translation>
    </message>
    <message>
        <source>Hide special tokens</source>
        <translation>隐藏特殊词元</translation>
    </message>
    <message>
        <source>Leave [CLS], [SEP], &lt;|endoftext|&gt; and the model&apos;s other special tokens out of the heatmaps. The model still sees them, so rows then sum to less than 1.</source>
        <translation>热力图中不显示 [CLS]、[SEP]、&lt;|endoftext|&gt; 等模型的特殊词元。模型仍然看得到它们，所以每行之和会小于 1。</translation>
    </message>
    <message>
        <source>Merge sub-word pieces into words</source>
        <translation>把子词片段合并成词</translation>
    </message>
    <message>
        <source>One row and column per word: attention to a word is the sum over its pieces, attention from a word the mean over its pieces&apos; rows.</source>
        <translation>每个词一行一列：指向一个词的注意力是其各片段之和，来自一个词的注意力是其各片段行的平均。</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::CostPanel</name>
    <message numerus="yes">
        <source>%n head(s) of dk = %1, dv = %2 beside one head of dk = %3, dv = %4</source>
        <translation>
            <numerusform>%n 个头（dk = %1，dv = %2）与一个宽头（dk = %3，dv = %4）对比</numerusform>
        </translation>
    </message>
    <message>
        <source>d_model = %1, N = %2 tokens. A multiply-add counts as 2 FLOPs.</source>
        <translation>d_model = %1，N = %2 个词元。一次乘加计为 2 次浮点运算（FLOPs）。</translation>
    </message>
    <message numerus="yes">
        <source>Each of the %n head(s) owns %1 parameters; the one wide head owns %2. In total: %3 against %4.</source>
        <translation>
            <numerusform>%n 个头各有 %1 个参数；一个宽头有 %2 个参数。总计：%3 对 %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message numerus="yes">
        <source>%n head(s): total</source>
        <translation>
            <numerusform>%n 个头：合计</numerusform>
        </translation>
    </message>
    <message>
        <source>per head</source>
        <translation>每个头</translation>
    </message>
    <message>
        <source>one wide head</source>
        <translation>一个宽头</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>FLOPs per forward</source>
        <translation>每次前向的浮点运算次数（FLOPs）</translation>
    </message>
    <message>
        <source>Memory of the attention maps</source>
        <translation>注意力图的内存</translation>
    </message>
    <message>
        <source>Per-head parameters (output bias excluded: it is shared) fall as 1/h when dk = dv = d_model / h, while the totals stay the same; only the softmax and the maps grow with h.</source>
        <translation>当 dk = dv = d_model / h 时，每个头的参数（不含共享的输出偏置）按 1/h 减少，而总数不变；只有 softmax 和注意力图随 h 增长。</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::DifferenceView</name>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Nothing pinned: &quot;Pin&quot; keeps the current picture to compare later ones with it.</source>
        <translation>尚未固定：点“固定”保留当前的图，之后可与新的图比较。</translation>
    </message>
    <message>
        <source>Keep the current picture; change a setting, then choose a pinned head as B</source>
        <translation>保留当前的图；改变某项设置后，选一个已固定的头作为 B</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>minus B</source>
        <translation>减去 B</translation>
    </message>
    <message>
        <source>Save the difference</source>
        <translation>保存差异图</translation>
    </message>
    <message>
        <source>Pinned: %1</source>
        <translation>已固定：%1</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>Pinned head %1</source>
        <translation>已固定的头 %1</translation>
    </message>
    <message>
        <source>No picture yet.</source>
        <translation>还没有图。</translation>
    </message>
    <message>
        <source>Cannot subtract: the pinned picture has %1 tokens and this one has %2. Make the sentences the same length, or pin again.</source>
        <translation>无法相减：固定的图有 %1 个词元，当前的图有 %2 个。请让两个句子长度相同，或重新固定。</translation>
    </message>
    <message>
        <source>pinned head %1</source>
        <translation>已固定的头 %1</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>Head %1 minus %2 (red: A attends more; blue: B attends more)</source>
        <translation>头 %1 减去%2（红色：A 关注更多；蓝色：B 关注更多）</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n head(s)</source>
        <translation>
            <numerusform>%n 个头</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, seed %3, layer %4</source>
        <translation>%1，%2，种子 %3，第 %4 层</translation>
    </message>
    <message>
        <source>%1, %2, seed %3</source>
        <translation>%1，%2，种子 %3</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>difference.pdf</source>
        <translation>差异.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG images (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>attnviz: difference of two heads</source>
        <translation>attnviz：两个头的差异</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::DocumentController</name>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <source>Loading cancelled; the model shown stays.</source>
        <translation>已取消加载；当前显示的模型保持不变。</translation>
    </message>
    <message>
        <source>the session&apos;s weights file &apos;%1&apos; was not read</source>
        <translation>未能读取会话所用的权重文件“%1”</translation>
    </message>
    <message>
        <source>&apos;weights.heads&apos; is %1, but &apos;%2&apos; holds a single-head Self_Attention module</source>
        <translation>“weights.heads”为 %1，但“%2”中是单头的 Self_Attention 模块</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>%1 is neither a built-in model nor a model folder.</source>
        <translation>%1 既不是内置模型，也不是模型文件夹。</translation>
    </message>
    <message>
        <source>There is no layer %1 in this model; its layers are 1 to %2. Layer 1 is shown.</source>
        <translation>此模型没有第 %1 层；它的层为第 1 至 %2 层。现显示第 1 层。</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ExportDialog</name>
    <message>
        <source>Caption with the sentence and the configuration</source>
        <translation>附上说明文字（句子和配置）</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>All heads, as in the window</source>
        <translation>所有头，与窗口中相同</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>Mean over heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Single column (3.3 in)</source>
        <translation>单栏（3.3 英寸）</translation>
    </message>
    <message>
        <source>Double column (7 in)</source>
        <translation>双栏（7 英寸）</translation>
    </message>
    <message>
        <source>Slide 16:9 (13.3 in)</source>
        <translation>16:9 幻灯片（13.3 英寸）</translation>
    </message>
    <message>
        <source>in</source>
        <translation>英寸</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>厘米</translation>
    </message>
    <message>
        <source>px (1/96 in)</source>
        <translation>像素（1/96 英寸）</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>PNG only: 96 DPI is 1 pixel per pixel, 192 DPI doubles it</source>
        <translation>仅用于 PNG：96 DPI 为一比一像素，192 DPI 为两倍</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Text size in the figure; 8–10 pt suits a paper column</source>
        <translation>图中文字的大小；论文单栏适合 8–10 磅</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export:</source>
        <translation>导出内容(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>F&amp;ont size:</source>
        <translation>字号(&amp;O)：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Name the file .png, .svg or .pdf</source>
        <translation>文件名请以 .png、.svg 或 .pdf 结尾</translation>
    </message>
    <message>
        <source>%1 × %2 pixels PNG at %3 DPI</source>
        <translation>%1 × %2 像素的 PNG，%3 DPI</translation>
    </message>
    <message>
        <source>%1 × %2 pt %3, vector: text as text, cells as rectangles (as one image above 64 tokens)</source>
        <translation>%1 × %2 磅的 %3 矢量图：文字保留为文字，格子为矩形（超过 64 个词元时合为一张图像）</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot tell the format of &apos;%1&apos;: name the file .png, .svg or .pdf.</source>
        <translation>无法判断“%1”的格式：文件名请以 .png、.svg 或 .pdf 结尾。</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already exists. Replace it?</source>
        <translation>“%1”已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Heads of layer %1</source>
        <translation>第 %1 层的各个头</translation>
    </message>
    <message>
        <source>Every layer × head (model view)</source>
        <translation>所有层 × 头（模型视图）</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::FigureActions</name>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Figure copied</source>
        <translation>图已复制</translation>
    </message>
    <message>
        <source>Save Weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <source>Safetensors (*.safetensors)</source>
        <translation>Safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cannot Save Weights</source>
        <translation>无法保存权重</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::FigureRenderer</name>
    <message>
        <source>%1, module %2</source>
        <translation>%1，模块 %2</translation>
    </message>
    <message>
        <source>model %1, layer %2 of %3</source>
        <translation>模型 %1，第 %2 层（共 %3 层）</translation>
    </message>
    <message>
        <source>single head (Self_Attention)</source>
        <translation>单头（Self_Attention）</translation>
    </message>
    <message numerus="yes">
        <source>%n head(s)</source>
        <translation>
            <numerusform>%n 个头</numerusform>
        </translation>
    </message>
    <message>
        <source>d_model %1, dk %2, dv %3</source>
        <translation>d_model %1，dk %2，dv %3</translation>
    </message>
    <message>
        <source>causal</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <source>seed %1, random weights</source>
        <translation>随机权重，种子 %1</translation>
    </message>
    <message>
        <source>weights %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <source>positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>no positional encoding</source>
        <translation>无位置编码</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>the PDF writer could not start</source>
        <translation>PDF 写入器无法启动</translation>
    </message>
    <message>
        <source>the PDF writer could not finish</source>
        <translation>PDF 写入器无法完成写入</translation>
    </message>
    <message>
        <source>the device accepted only %1 of %2 bytes</source>
        <translation>设备只接收了 %2 字节中的 %1 字节</translation>
    </message>
    <message>
        <source>the figure size %1 × %2 px (%3 × %4 in) is outside %5 … %6 px (%7 … %8 in) a side</source>
        <translation>图的尺寸 %1 × %2 像素（%3 × %4 英寸）超出了每边 %5 … %6 像素（%7 … %8 英寸）的范围</translation>
    </message>
    <message>
        <source>a font size of %1 pt is outside %2 … %3 pt</source>
        <translation>字号 %1 磅超出了 %2 … %3 磅的范围</translation>
    </message>
    <message>
        <source>a %1 × %2 pixel PNG (%3 million pixels, %4 GB of memory) is above the limit of %5 million pixels; lower the size or the DPI, or export SVG or PDF</source>
        <translation>%1 × %2 像素的 PNG（%3 百万像素，需 %4 GB 内存）超过了 %5 百万像素的上限；请减小尺寸或 DPI，或导出为 SVG 或 PDF</translation>
    </message>
    <message>
        <source>not enough memory for a %1 × %2 pixel image</source>
        <translation>内存不足，无法生成 %1 × %2 像素的图像</translation>
    </message>
    <message>
        <source>sub-word pieces merged into words</source>
        <translation>子词片段已合并成词</translation>
    </message>
    <message>
        <source>special tokens hidden (rows sum to less than 1)</source>
        <translation>已隐藏特殊词元（每行之和小于 1）</translation>
    </message>
    <message>
        <source>model %1, every layer</source>
        <translation>模型 %1，所有层</translation>
    </message>
    <message>
        <source>%1 DPI is outside %2 … %3 DPI</source>
        <translation>%1 DPI 超出了 %2 … %3 DPI 的范围</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a length; write a positive number with a unit: in, mm, cm, pt or px (e.g. 3.3in, 84mm)</source>
        <translation>“%1”不是长度；请写一个带单位的正数：in、mm、cm、pt 或 px（例如 3.3in、84mm）</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::FileLoadWorker</name>
    <message>
        <source>&apos;%1&apos; is too large to load into memory</source>
        <translation>“%1”太大，无法载入内存</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::HeadCountSweepView</name>
    <message>
        <source>The same sentence and d_model split into 1, 2, 4, 8 and 16 heads (dk = dv = d_model / h, random weights from the seed): one dot per head at its normalised entropy, 0 = one key, 1 = uniform.</source>
        <translation>同一个句子、同一个 d_model，分成 1、2、4、8、16 个头（dk = dv = d_model / h，按种子生成随机权重）：每个头一个点，位置是它的归一化熵，0 = 只关注一个键，1 = 均匀分布。</translation>
    </message>
    <message>
        <source>heads h</source>
        <translation>头数 h</translation>
    </message>
    <message>
        <source>normalised entropy</source>
        <translation>归一化熵</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>No head count in 1, 2, 4, 8, 16 divides this d_model.</source>
        <translation>1、2、4、8、16 中没有能整除此 d_model 的头数。</translation>
    </message>
    <message>
        <source>d_model %1 · head counts that divide it: %2 · red: mean</source>
        <translation>d_model %1 · 能整除它的头数：%2 · 红色：平均值</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::HeadGridView</name>
    <message>
        <source>&amp;Heads</source>
        <translation>各个头(&amp;H)</translation>
    </message>
    <message>
        <source>One heatmap per head: rows are queries, columns are keys</source>
        <translation>每个头一张热力图：行是查询，列是键</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::HeadSimilarityView</name>
    <message>
        <source>Jensen–Shannon distance between heads&apos; attention, row by row: 0 = they attend the same way, 1 = to different keys. Heads are ordered so that similar ones sit together.</source>
        <translation>各头注意力之间逐行计算的 Jensen–Shannon 距离：0 = 关注方式相同，1 = 关注完全不同的键。相似的头排在一起。</translation>
    </message>
    <message>
        <source>H%1</source>
        <translation>头%1</translation>
    </message>
    <message numerus="yes">
        <source>Layer %1: distance between %n head(s)</source>
        <translation>
            <numerusform>第 %1 层：%n 个头之间的距离</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Distance between %n head(s)</source>
        <translation>
            <numerusform>%n 个头之间的距离</numerusform>
        </translation>
    </message>
    <message>
        <source>One head: nothing to compare. Raise the head count.</source>
        <translation>只有一个头，无从比较。请增加头数。</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::HeatmapView</name>
    <message>
        <source>masked (causal)</source>
        <translation>已遮住（因果掩码）</translation>
    </message>
    <message>
        <source>query ‘%1’ → key ‘%2’: %3 (%4)</source>
        <translation>查询“%1”→ 键“%2”：%3（%4）</translation>
    </message>
    <message>
        <source>%1
This row sums to %2: special tokens are hidden.</source>
        <translation>%1
这一行之和为 %2：特殊词元已隐藏。</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the system&apos;s language (LANG)</source>
        <translation>跟随系统语言（LANG）</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::MainWindow</name>
    <message>
        <source>Controls</source>
        <translation>控制面板</translation>
    </message>
    <message>
        <source>Cannot Open Session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>attnviz sessions (*.attnviz);;All files (*)</source>
        <translation>attnviz 会话 (*.attnviz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Weights…</source>
        <translation>打开权重(&amp;W)…</translation>
    </message>
    <message>
        <source>Open Weights</source>
        <translation>打开权重</translation>
    </message>
    <message>
        <source>Safetensors (*.safetensors);;All files (*)</source>
        <translation>Safetensors (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Save Weights…</source>
        <translation>保存权重(&amp;V)…</translation>
    </message>
    <message>
        <source>Use &amp;Random Weights</source>
        <translation>使用随机权重(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Export Figure…</source>
        <translation>导出图(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Copy Figure</source>
        <translation>复制图(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Edit &amp;Sentence</source>
        <translation>编辑句子(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About attnviz</source>
        <translation>关于 attnviz(&amp;A)</translation>
    </message>
    <message>
        <source>About attnviz</source>
        <translation>关于 attnviz</translation>
    </message>
    <message>
        <source>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;See what multi-head self-attention does: one heatmap per head, live.&lt;/p&gt;&lt;p&gt;Numbers equal PyTorch&apos;s MultiHeadAttention and nn.MultiheadAttention.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;看清多头自注意力在做什么：每个头一张热力图，实时更新。&lt;/p&gt;&lt;p&gt;数值与 PyTorch 的 MultiHeadAttention 和 nn.MultiheadAttention 完全一致。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Cannot Open Weights</source>
        <translation>无法打开权重</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 was not loaded.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;未加载 %1。&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Session Opened</source>
        <translation>会话已打开</translation>
    </message>
    <message>
        <source>Cannot Save Session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>attnviz sessions (*.attnviz)</source>
        <translation>attnviz 会话 (*.attnviz)</translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation>没有最近的会话</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有尚未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>The built-in models cannot be read: %1</source>
        <translation>无法读取内置模型：%1</translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Open Model Folder (config.json, model.safetensors, tokenizer)</source>
        <translation>打开模型文件夹（config.json、model.safetensors、分词器）</translation>
    </message>
    <message>
        <source>The mean and single-head panels are not heads of the model: double-click a head to see its steps.</source>
        <translation>平均面板和单头面板不是模型中的头：双击某个头，查看它的计算步骤。</translation>
    </message>
    <message>
        <source>&amp;Why multi-head attention?</source>
        <translation>为什么要用多头注意力？(&amp;W)</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::MetricText</name>
    <message>
        <source>Entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前一个</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>自身</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>后一个</translation>
    </message>
    <message>
        <source>First</source>
        <translation>首个</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Same token</source>
        <translation>相同词元</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>特殊词元</translation>
    </message>
    <message>
        <source>Punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Mean row entropy over ln(allowed keys): 0 = one key, 1 = uniform</source>
        <translation>各行的熵除以 ln(可关注的键数) 后的平均值：0 = 只关注一个键，1 = 均匀分布</translation>
    </message>
    <message>
        <source>Mean of each row&apos;s largest weight</source>
        <translation>每行最大权重的平均值</translation>
    </message>
    <message>
        <source>Mean weight on the previous token</source>
        <translation>落在前一个词元上的平均权重</translation>
    </message>
    <message>
        <source>Mean weight on the query token itself</source>
        <translation>落在查询词元自身上的平均权重</translation>
    </message>
    <message>
        <source>Mean weight on the next token (absent when causal)</source>
        <translation>落在后一个词元上的平均权重（使用因果掩码时没有）</translation>
    </message>
    <message>
        <source>Mean weight on the first token</source>
        <translation>落在第一个词元上的平均权重</translation>
    </message>
    <message>
        <source>Mean distance in tokens between a query and the keys it attends to</source>
        <translation>查询与它所关注的键之间的平均距离（以词元计）</translation>
    </message>
    <message>
        <source>Mean weight on other occurrences of the query&apos;s own word</source>
        <translation>落在与查询相同的词的其他出现位置上的平均权重</translation>
    </message>
    <message>
        <source>Mean weight on special tokens such as [CLS], [SEP], &lt;|endoftext|&gt;</source>
        <translation>落在 [CLS]、[SEP]、&lt;|endoftext|&gt; 等特殊词元上的平均权重</translation>
    </message>
    <message>
        <source>Mean weight on punctuation tokens</source>
        <translation>落在标点词元上的平均权重</translation>
    </message>
    <message>
        <source>How much the output changes when this head is removed: ‖y − y₋ₕ‖ / ‖y‖</source>
        <translation>去掉这个头后输出的变化有多大：‖y − y₋ₕ‖ / ‖y‖</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::MetricsDock</name>
    <message>
        <source>Head metrics</source>
        <translation>头的指标</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
    <message>
        <source>Copy the table, in the order shown, to the clipboard as CSV</source>
        <translation>按当前显示顺序把表格以 CSV 格式复制到剪贴板</translation>
    </message>
    <message numerus="yes">
        <source>Layer %1 · %n head(s) · hover a role for its numbers</source>
        <translation>
            <numerusform>第 %1 层 · %n 个头 · 鼠标悬停在角色上可查看数值</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::MetricsTableModel</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ModelLoadIndicator</name>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading; the model shown now stays</source>
        <translation>停止加载；保留当前显示的模型</translation>
    </message>
    <message>
        <source>%1 of %2 of weights converted</source>
        <translation>已转换权重 %1 / %2</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ModelLoader</name>
    <message>
        <source>the model in %1 is too large for this computer&apos;s memory</source>
        <translation>%1 中的模型太大，这台电脑的内存放不下</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ModelSelector</name>
    <message>
        <source>English, next word</source>
        <translation>英文，预测下一个词</translation>
    </message>
    <message>
        <source>Random weights (the article&apos;s module)</source>
        <translation>随机权重（原文的模块）</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>打开模型文件夹…</translation>
    </message>
    <message>
        <source>Which weights produce the attention: untrained random weights as in the article&apos;s module, a small model attnviz trained (its heads specialise), or a GPT-2 / BERT / DistilBERT folder</source>
        <translation>注意力由哪组权重算出：与原文模块相同的未经训练的随机权重、attnviz 自己训练的小模型（各个头会分工），或 GPT-2 / BERT / DistilBERT 模型文件夹</translation>
    </message>
    <message>
        <source>The layer whose heads the grid shows (PgUp / PgDn)</source>
        <translation>网格中显示哪一层的头（PgUp / PgDn）</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>层(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>%n head(s), trained like the others (equal width and steps); validation loss %1 nats per token</source>
        <translation>
            <numerusform>%n 个头，与其他版本训练方式相同（宽度和步数相同）；验证损失为每词元 %1 奈特</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation loss %1 (perplexity %2)</source>
        <translation>验证损失 %1（困惑度 %2）</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>The trained head counts of this model: the same width split into 1, 2, 4 or 8 heads</source>
        <translation>此模型训练过的头数：同样的宽度分成 1、2、4 或 8 个头</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ModelThumbnails</name>
    <message>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <source>H%1</source>
        <translation>H%1</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ModelView</name>
    <message>
        <source>Layer %1, head %2</source>
        <translation>第 %1 层，头 %2</translation>
    </message>
    <message>
        <source>%1 · query ‘%2’ → key ‘%3’: masked (a later token)</source>
        <translation>%1 · 查询“%2”→ 键“%3”：已遮住（后面的词元）</translation>
    </message>
    <message>
        <source>%1 · query ‘%2’ → key ‘%3’: %4</source>
        <translation>%1 · 查询“%2”→ 键“%3”：%4</translation>
    </message>
    <message numerus="yes">
        <source>%n special token(s) hidden: rows sum to less than 1.</source>
        <translation>
            <numerusform>已隐藏 %n 个特殊词元：每行之和小于 1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sub-word pieces merged into %n word(s).</source>
        <translation>
            <numerusform>子词片段已合并成 %n 个词。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
This row sums to %2: special tokens are hidden.</source>
        <translation>%1
这一行之和为 %2：特殊词元已隐藏。</translation>
    </message>
    <message>
        <source>&amp;Model: every layer</source>
        <translation>模型：所有层(&amp;M)</translation>
    </message>
    <message>
        <source>Every layer × head at once; click a head to open its layer</source>
        <translation>一次显示所有层 × 头；点击某个头即可打开它所在的层</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::PanelSpecs</name>
    <message>
        <source>Single head (Self_Attention)</source>
        <translation>单头（Self_Attention）</translation>
    </message>
    <message>
        <source>single head</source>
        <translation>单头</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message numerus="yes">
        <source>Mean of %n head(s)</source>
        <translation>
            <numerusform>%n 个头的平均</numerusform>
        </translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>Single head, dk = dv = %1</source>
        <translation>单头，dk = dv = %1</translation>
    </message>
    <message>
        <source>single-head baseline</source>
        <translation>单头基线</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::RoleText</name>
    <message>
        <source>First token (sink)</source>
        <translation>首个词元（汇聚点）</translation>
    </message>
    <message>
        <source>Previous token</source>
        <translation>前一个词元</translation>
    </message>
    <message>
        <source>Next token</source>
        <translation>后一个词元</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>自身</translation>
    </message>
    <message>
        <source>Same word</source>
        <translation>相同的词</translation>
    </message>
    <message>
        <source>Special tokens / punctuation</source>
        <translation>特殊词元 / 标点</translation>
    </message>
    <message>
        <source>Broad</source>
        <translation>分散</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>Most attention goes to the first token, which serves as a resting place.</source>
        <translation>大部分注意力落在第一个词元上，它充当“歇脚处”。</translation>
    </message>
    <message>
        <source>Most attention goes to the token just before the query.</source>
        <translation>大部分注意力落在查询前面紧挨着的词元上。</translation>
    </message>
    <message>
        <source>Most attention goes to the token just after the query.</source>
        <translation>大部分注意力落在查询后面紧挨着的词元上。</translation>
    </message>
    <message>
        <source>Most attention goes to the query token itself.</source>
        <translation>大部分注意力落在查询词元自身。</translation>
    </message>
    <message>
        <source>Most attention goes to other occurrences of the query&apos;s own word.</source>
        <translation>大部分注意力落在与查询相同的词的其他出现位置上。</translation>
    </message>
    <message>
        <source>Most attention goes to special tokens or punctuation.</source>
        <translation>大部分注意力落在特殊词元或标点上。</translation>
    </message>
    <message>
        <source>Attention is spread almost evenly over the allowed keys.</source>
        <translation>注意力几乎均匀地分布在所有可关注的键上。</translation>
    </message>
    <message>
        <source>No single pattern takes more than half of the attention.</source>
        <translation>没有哪一种模式占到注意力的一半以上。</translation>
    </message>
    <message>
        <source>%1 %2 &amp;gt; %3</source>
        <translation>%1 %2 &amp;gt; %3</translation>
    </message>
    <message>
        <source>%1 %2 ≤ %3</source>
        <translation>%1 %2 ≤ %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::SampleSentences</name>
    <message>
        <source>English: the cat</source>
        <translation>英文：猫</translation>
    </message>
    <message>
        <source>Chinese: multi-head attention</source>
        <translation>中文：多头注意力</translation>
    </message>
    <message>
        <source>Repeated words</source>
        <translation>重复的词</translation>
    </message>
    <message>
        <source>Long: a paragraph</source>
        <translation>长文本：一段话</translation>
    </message>
    <message>
        <source>Mixed scripts and emoji</source>
        <translation>多种文字与表情符号</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::SentenceBar</name>
    <message>
        <source>&amp;Sentence:</source>
        <translation>句子(&amp;S)：</translation>
    </message>
    <message>
        <source>Type a sentence; the heads follow as you type</source>
        <translation>输入一个句子，各个头会随输入实时变化</translation>
    </message>
    <message>
        <source>Samples…</source>
        <translation>示例句子…</translation>
    </message>
    <message>
        <source>Replace the sentence with a sample</source>
        <translation>用示例句子替换当前句子</translation>
    </message>
    <message>
        <source>The input sequence: every token becomes a query row and a key column in each head</source>
        <translation>输入序列：每个词元在每个头中都对应一行查询和一列键</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::SessionFile</name>
    <message>
        <source>the session has no &apos;%1&apos;</source>
        <translation>会话文件中没有“%1”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be text</source>
        <translation>“%1”必须是文本</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false</source>
        <translation>“%1”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number</source>
        <translation>“%1”必须是整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be between %2 and %3, got %4</source>
        <translation>“%1”必须在 %2 到 %3 之间，当前为 %4</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an object</source>
        <translation>“%1”必须是 JSON 对象</translation>
    </message>
    <message>
        <source>this is not an attnviz session (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>这不是 attnviz 会话文件（没有 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>the session was written by a newer attnviz (format version %1; this version reads up to %2)</source>
        <translation>此会话由更新版本的 attnviz 保存（格式版本 %1；当前版本最高只能读取 %2）</translation>
    </message>
    <message>
        <source>&apos;view.colormap&apos; is not a known colour map</source>
        <translation>“view.colormap”不是已知的配色</translation>
    </message>
    <message>
        <source>&apos;view.scale&apos; must be one of %1</source>
        <translation>“view.scale”必须是 %1 之一</translation>
    </message>
    <message>
        <source>&apos;checkpoint&apos; must be null or an object</source>
        <translation>“checkpoint”必须是 null 或 JSON 对象</translation>
    </message>
    <message>
        <source>&apos;checkpoint.source&apos; is empty; use null for the module</source>
        <translation>“checkpoint.source”为空；使用单个注意力模块时请写 null</translation>
    </message>
    <message>
        <source>&apos;weights&apos; must be null or an object</source>
        <translation>“weights”必须是 null 或 JSON 对象</translation>
    </message>
    <message>
        <source>&apos;weights.file&apos; is empty; use null for random weights</source>
        <translation>“weights.file”为空；若使用随机权重请写 null</translation>
    </message>
    <message>
        <source>&apos;weights.sha256&apos; must be 64 lower-case hexadecimal digits</source>
        <translation>“weights.sha256”必须是 64 位小写十六进制数字</translation>
    </message>
    <message>
        <source>&apos;weights.heads&apos; is %1, but single-head mode has exactly one head</source>
        <translation>“weights.heads”为 %1，但单头模式只能有一个头</translation>
    </message>
    <message>
        <source>cannot read the weights file %1: %2</source>
        <translation>无法读取权重文件 %1：%2</translation>
    </message>
    <message>
        <source>the weights file %1 is not a regular file</source>
        <translation>权重文件 %1 不是普通文件</translation>
    </message>
    <message>
        <source>cannot save &apos;%1&apos;: it exists and is not a regular file</source>
        <translation>无法保存“%1”：它已存在且不是普通文件</translation>
    </message>
    <message>
        <source>cannot save &apos;%1&apos;: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>cannot save &apos;%1&apos;: %2; the previous file is unchanged</source>
        <translation>无法保存“%1”：%2；原来的文件保持不变</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>写入失败</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not JSON (%2 at byte %3)</source>
        <translation>“%1”不是 JSON（第 %3 字节处：%2）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a JSON object</source>
        <translation>“%1”不是 JSON 对象</translation>
    </message>
    <message>
        <source>the session&apos;s weights file &apos;%1&apos; is missing</source>
        <translation>会话所用的权重文件“%1”不存在</translation>
    </message>
    <message>
        <source>the weights file &apos;%1&apos; has changed since the session was saved (its SHA-256 differs); the figure may differ</source>
        <translation>权重文件“%1”在会话保存之后被修改过（SHA-256 不同）；图可能会有所不同</translation>
    </message>
    <message>
        <source>&apos;checkpoint.files&apos; must be a list</source>
        <translation>“checkpoint.files”必须是列表</translation>
    </message>
    <message>
        <source>&apos;checkpoint.files&apos; must hold objects</source>
        <translation>“checkpoint.files”中必须是对象</translation>
    </message>
    <message>
        <source>&apos;checkpoint.files&apos; names &apos;%1&apos;, which is not a file name in the model folder</source>
        <translation>“checkpoint.files”列出的“%1”不是模型文件夹中的文件名</translation>
    </message>
    <message>
        <source>&apos;checkpoint.files&apos; gives &apos;%1&apos; a SHA-256 that is not 64 lower-case hexadecimal digits</source>
        <translation>“checkpoint.files”为“%1”给出的 SHA-256 不是 64 位小写十六进制数字</translation>
    </message>
    <message>
        <source>the session&apos;s model file &apos;%1&apos; is missing</source>
        <translation>会话的模型文件“%1”不存在</translation>
    </message>
    <message>
        <source>the model file &apos;%1&apos; has changed since the session was saved (its SHA-256 differs); the figure may differ</source>
        <translation>模型文件“%1”在会话保存之后被修改过（SHA-256 不同）；图可能会有所不同</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::StatusText</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个词元</numerusform>
        </translation>
    </message>
    <message>
        <source>layer %1 of %2</source>
        <translation>第 %1 层（共 %2 层）</translation>
    </message>
    <message>
        <source>validation loss %1</source>
        <translation>验证损失 %1</translation>
    </message>
    <message>
        <source>Q, K: %1</source>
        <translation>Q、K：%1</translation>
    </message>
    <message>
        <source>V: %1</source>
        <translation>V：%1</translation>
    </message>
    <message>
        <source>out: [1, %1, %2]</source>
        <translation>输出：[1, %1, %2]</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>%1 个参数</translation>
    </message>
    <message>
        <source>updated at %1 in %2 ms</source>
        <translation>%1 更新，用时 %2 毫秒</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::StepDiagram</name>
    <message>
        <source>X (the layer&apos;s input)</source>
        <translation>X（该层的输入）</translation>
    </message>
    <message>
        <source>Q = X·W_qᵀ + b_q (not ÷ √dk)</source>
        <translation>Q = X·W_qᵀ + b_q（不除以 √dk）</translation>
    </message>
    <message>
        <source>Q = (X·W_qᵀ + b_q) ÷ √dk</source>
        <translation>Q = (X·W_qᵀ + b_q) ÷ √dk</translation>
    </message>
    <message>
        <source>Q = X·W_qᵀ + b_q</source>
        <translation>Q = X·W_qᵀ + b_q</translation>
    </message>
    <message>
        <source>K = X·W_kᵀ + b_k</source>
        <translation>K = X·W_kᵀ + b_k</translation>
    </message>
    <message>
        <source>V = X·W_vᵀ + b_v</source>
        <translation>V = X·W_vᵀ + b_v</translation>
    </message>
    <message>
        <source>Q·Kᵀ</source>
        <translation>Q·Kᵀ</translation>
    </message>
    <message>
        <source>no ÷ √dk (scaling off)</source>
        <translation>不除以 √dk（关闭缩放）</translation>
    </message>
    <message>
        <source>÷ √dk (done in Q)</source>
        <translation>÷ √dk（已在 Q 中完成）</translation>
    </message>
    <message>
        <source>÷ √dk = ÷ %1</source>
        <translation>÷ √dk = ÷ %1</translation>
    </message>
    <message>
        <source>causal mask (−∞ above)</source>
        <translation>因果掩码（对角线以上为 −∞）</translation>
    </message>
    <message>
        <source>softmax (the heatmap)</source>
        <translation>softmax（即热力图）</translation>
    </message>
    <message>
        <source>head output = softmax·V</source>
        <translation>头的输出 = softmax·V</translation>
    </message>
    <message numerus="yes">
        <source>concat of %n head(s)</source>
        <translation>
            <numerusform>拼接 %n 个头</numerusform>
        </translation>
    </message>
    <message>
        <source>output = concat·W_oᵀ + b_o</source>
        <translation>输出 = 拼接·W_oᵀ + b_o</translation>
    </message>
    <message>
        <source>· Wᵀ + b</source>
        <translation>· Wᵀ + b</translation>
    </message>
    <message>
        <source>Layer %1 of %2 · head %3 of %4 · N = %5 tokens, d_model = %6, dk = %7, dv = %8</source>
        <translation>第 %1 层（共 %2 层）· 头 %3（共 %4 个）· N = %5 个词元，d_model = %6，dk = %7，dv = %8</translation>
    </message>
    <message numerus="yes">
        <source>%n more term(s)</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 = Σ %3 = %4</source>
        <translation>%1 · %2 = Σ %3 = %4</translation>
    </message>
    <message>
        <source>; not scaled</source>
        <translation>；未缩放</translation>
    </message>
    <message>
        <source>; masked to −∞ (key after the query)</source>
        <translation>；遮为 −∞（键在查询之后）</translation>
    </message>
    <message>
        <source>softmax of row %1: %2</source>
        <translation>第 %1 行的 softmax：%2</translation>
    </message>
    <message>
        <source>softmax of row %1: this key %2; largest: %3</source>
        <translation>第 %1 行的 softmax：此键 %2；最大：%3</translation>
    </message>
    <message>
        <source>output_%1[%2] = %3 mixes the value rows by their weights: %4</source>
        <translation>output_%1[%2] = %3，是按权重混合各个值向量行的结果：%4</translation>
    </message>
    <message>
        <source>row %1 (%2), column %3: %4</source>
        <translation>第 %1 行（%2），第 %3 列：%4</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::StepView</name>
    <message>
        <source>The layer whose head is drawn</source>
        <translation>要画出哪一层的头</translation>
    </message>
    <message>
        <source>The head whose computation is drawn</source>
        <translation>要画出哪个头的计算过程</translation>
    </message>
    <message>
        <source>No √dk scaling</source>
        <translation>不做 √dk 缩放</translation>
    </message>
    <message>
        <source>Feed Q·Kᵀ to the softmax without dividing by √dk: as dk grows, the softmax collapses onto one key. Only this head changes.</source>
        <translation>不除以 √dk，直接把 Q·Kᵀ 送入 softmax：dk 越大，softmax 越会集中到一个键上。只改变这一个头。</translation>
    </message>
    <message>
        <source>Hover a cell of Q·Kᵀ, the softmax or the head output to see how it is computed.</source>
        <translation>将鼠标悬停在 Q·Kᵀ、softmax 或头输出的格子上，查看它是如何算出来的。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <source>Cannot show the steps: %1</source>
        <translation>无法显示计算步骤：%1</translation>
    </message>
    <message>
        <source>Normalised entropy of the softmax (1 = uniform, 0 = one key): scaled %1, unscaled %2</source>
        <translation>softmax 的归一化熵（1 = 均匀，0 = 只关注一个键）：缩放 %1，未缩放 %2</translation>
    </message>
    <message>
        <source>there are no steps to save: %1</source>
        <translation>没有可保存的计算步骤：%1</translation>
    </message>
    <message>
        <source>no result yet</source>
        <translation>还没有结果</translation>
    </message>
    <message>
        <source>attnviz step view</source>
        <translation>attnviz 计算步骤图</translation>
    </message>
    <message>
        <source>Computing the steps of head %1…</source>
        <translation>正在计算头 %1 的各个步骤…</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::StepViewSeam</name>
    <message>
        <source>&amp;Steps of one head</source>
        <translation>单个头的计算步骤(&amp;S)</translation>
    </message>
    <message>
        <source>One head&apos;s computation, matrix by matrix, in the article&apos;s notation</source>
        <translation>按原文的记号，一个矩阵一个矩阵地展示单个头的计算过程</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::TourActions</name>
    <message>
        <source>Show four heads beside one wide head</source>
        <translation>显示四个头和一个宽的单头</translation>
    </message>
    <message>
        <source>Show the trained heads and their roles</source>
        <translation>显示训练过的头及其角色</translation>
    </message>
    <message>
        <source>Show the steps of one trained head</source>
        <translation>显示一个训练过的头的计算步骤</translation>
    </message>
    <message>
        <source>Turn off the √dk scaling with dk = 128</source>
        <translation>在 dk = 128 时关闭 √dk 缩放</translation>
    </message>
    <message>
        <source>Show the cost of 8 heads of width 64</source>
        <translation>显示 8 个宽度为 64 的头的计算代价</translation>
    </message>
    <message>
        <source>Turn on the causal mask</source>
        <translation>打开因果掩码</translation>
    </message>
    <message>
        <source>Repeat words without positional encoding</source>
        <translation>关闭位置编码，看重复的词</translation>
    </message>
    <message>
        <source>Sort the heads by importance</source>
        <translation>按重要性给各个头排序</translation>
    </message>
    <message>
        <source>The tour has no page %1.</source>
        <translation>导览没有第 %1 页。</translation>
    </message>
    <message>
        <source>This page needs the built-in English model, which is not installed.</source>
        <translation>这一页需要内置的英文模型，但它没有安装。</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::TourDock</name>
    <message>
        <source>Why multi-head attention?</source>
        <translation>为什么要用多头注意力？</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::TourPanel</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Go to a page of the tour</source>
        <translation>跳到导览的某一页</translation>
    </message>
    <message>
        <source>Set the window up for what this page explains</source>
        <translation>把窗口设置成这一页讲解的状态</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Opening the built-in English model…</source>
        <translation>正在打开内置的英文模型…</translation>
    </message>
</context>
<context>
    <name>attnviz::ui::WeightsQuestions</name>
    <message numerus="yes">
        <source>%n head(s) (dk = %1, dv = %2) — the file&apos;s num_heads</source>
        <translation>
            <numerusform>%n 个头（dk = %1，dv = %2）— 即文件中的 num_heads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n head(s) (dk = %1, dv = %2)</source>
        <translation>
            <numerusform>%n 个头（dk = %1，dv = %2）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 says its projections hold %2 heads.</source>
        <translation>%1 表明其投影矩阵包含 %2 个头。</translation>
    </message>
    <message>
        <source>%1 does not say how many heads its projections hold (PyTorch does not store it).</source>
        <translation>%1 没有说明其投影矩阵包含几个头（PyTorch 不保存这一信息）。</translation>
    </message>
    <message>
        <source>Split the %1 query rows and %2 value rows into:</source>
        <translation>把 %1 行查询和 %2 行值分成：</translation>
    </message>
    <message>
        <source>How Many Heads?</source>
        <translation>分成几个头？</translation>
    </message>
    <message>
        <source>Choose an Attention Module</source>
        <translation>选择注意力模块</translation>
    </message>
    <message>
        <source>%1 holds several attention modules:</source>
        <translation>%1 中有多个注意力模块：</translation>
    </message>
</context>
</TS>
