# The help is part of the product: every exported cmdlet has real help compiled from docs/, and the
# docs list exactly the parameters the code has, so drift between the two fails here.

BeforeDiscovery {
    # The cmdlets to check are the ones the built module really exports: the list grows as the
    # cmdlet branches merge, and a cmdlet without a page shows up as a failure, not a skip.
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $Commands = @(Get-Command -Module Composio -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $RepoRoot 'tools/Help/HelpMarkdown.ps1')
    $DocsPath = Join-Path $RepoRoot 'docs'
    $HelpDir = Join-Path (Split-Path $ModuleManifest) 'en-US'
    $MamlPath = Join-Path $HelpDir 'Composio.PowerShell.dll-Help.xml'
    $Converter = Join-Path $RepoRoot 'tools/ConvertTo-MamlHelp.ps1'
    $CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
    $ProjectUri = (Import-PowerShellDataFile $ModuleManifest).PrivateData.PSData.ProjectUri

    # The parameters a page documents: its '### -Name' headings with their yaml blocks.
    function Get-DocumentedParameter([string] $Name) {
        $doc = Read-HelpMarkdown (Join-Path $DocsPath "$Name.md")
        $section = $doc.Sections['PARAMETERS']
        if (-not $section) { return }
        foreach ($sub in $section.Subsections) {
            if ($sub.Title -notmatch '^-(\S+)') { continue }
            $yaml = @(foreach ($block in Split-MarkdownBlock $sub.Lines) {
                    if ($block.Kind -eq 'Code' -and $block.Language -eq 'yaml') { ConvertFrom-ParameterYaml $block.Lines }
                })
            [pscustomobject]@{ Name = $Matches[1]; Yaml = $yaml }
        }
    }

    # The parameters the cmdlet really has, without common and dynamic ones (dynamic field
    # parameters depend on the toolkit and are explained in prose, not listed).
    function Get-RealParameter([string] $Name) {
        # DontShow parameters (a piped object's hidden binding) are not for users and not documented.
        (Get-Command $Name).Parameters.Values |
            Where-Object { -not $_.IsDynamic -and $_.Name -notin $CommonParameters -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) }
    }
}

Describe 'Help of <Name>' -ForEach $Commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $page = Join-Path $DocsPath "$Name.md"
    }

    It 'has a page in docs/' {
        $page | Should -Exist
    }

    It 'has a written synopsis, not the generated syntax line' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without help, Get-Help makes the synopsis from the syntax, which starts with the name.
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name*"
    }

    It 'has its online page as the first related link, which is what Get-Help -Online opens' {
        $online = (Read-HelpMarkdown $page).FrontMatter['online version']
        $online | Should -Be "$ProjectUri/blob/main/docs/$Name.md"
        @($help.relatedLinks.navigationLink)[0].uri | Should -Be $online
    }

    It 'has at least one example with code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) { $example.code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        $undescribed = foreach ($parameter in @($help.parameters.parameter | Where-Object { $_ })) {
            $text = (@($parameter.description) | ForEach-Object { $_.Text }) -join ''
            if (-not $text.Trim()) { $parameter.name }
        }
        $undescribed | Should -BeNullOrEmpty -Because 'every parameter in Get-Help needs a description'
    }

    It 'documents exactly the parameters the cmdlet has' {
        # A page may document the common credential-field parameters, which are dynamic: their yaml says so.
        $documented = @(Get-DocumentedParameter $Name | Where-Object { -not ($_.Yaml | Where-Object { $_['Parameter Sets'] -eq '(Dynamic)' }) } | ForEach-Object Name)
        $real = @(Get-RealParameter $Name | ForEach-Object Name)
        @($real | Where-Object { $_ -notin $documented }) | Should -BeNullOrEmpty -Because "the cmdlet has them but docs/$Name.md does not list them"
        @($documented | Where-Object { $_ -notin $real }) | Should -BeNullOrEmpty -Because "docs/$Name.md lists them but the cmdlet has no such (static) parameters"
    }

    It 'documents each parameter''s type, whether it is mandatory, and its position' {
        $drift = foreach ($doc in Get-DocumentedParameter $Name) {
            $real = (Get-Command $Name).Parameters[$doc.Name]
            if (-not $real -or $real.IsDynamic) { continue }   # reported by the test above
            $sets = @($real.ParameterSets.Values)
            $docType = @($doc.Yaml | ForEach-Object { $_['Type'] } | Select-Object -Unique)
            if ($docType -ne $real.ParameterType.Name) { "-$($doc.Name): type is $($real.ParameterType.Name), page says $docType" }
            $docRequired = [bool]($doc.Yaml | Where-Object { $_['Required'] -eq 'True' })
            $realRequired = [bool]($sets | Where-Object IsMandatory)
            if ($docRequired -ne $realRequired) { "-$($doc.Name): mandatory is $realRequired, page says $docRequired" }
            $docPosition = @($doc.Yaml | ForEach-Object { if ($_['Position'] -match '^\d+$') { $_['Position'] } else { 'Named' } } | Sort-Object -Unique) -join ','
            $realPosition = @($sets | ForEach-Object { if ($_.Position -ge 0) { "$($_.Position)" } else { 'Named' } } | Sort-Object -Unique) -join ','
            if ($docPosition -ne $realPosition) { "-$($doc.Name): position is $realPosition, page says $docPosition" }
        }
        $drift | Should -BeNullOrEmpty
    }
}

Describe 'The help files' {
    It 'has a page for every cmdlet of the manifest, and no page for a cmdlet that is not in it' {
        $manifest = (Import-PowerShellDataFile (Join-Path $RepoRoot 'Composio.psd1')).CmdletsToExport
        $pages = @(Get-ChildItem $DocsPath -Filter '*-*.md' | ForEach-Object BaseName)
        @($manifest | Where-Object { $_ -notin $pages }) | Should -BeNullOrEmpty
        @($pages | Where-Object { $_ -notin $manifest }) | Should -BeNullOrEmpty
    }

    It 'ships MAML that is well-formed XML, with one command per page' {
        $MamlPath | Should -Exist
        $xml = [xml]::new()
        $xml.Load($MamlPath)   # throws on malformed XML
        $xml.DocumentElement.LocalName | Should -Be 'helpItems'
        $xml.DocumentElement.GetAttribute('schema') | Should -Be 'maml'
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $names = @($xml.SelectNodes('//command:command/command:details/command:name', $ns) | ForEach-Object InnerText)
        $pages = @(Get-ChildItem $DocsPath -Filter '*-*.md' | ForEach-Object BaseName)
        ($names | Sort-Object) -join ',' | Should -Be (($pages | Sort-Object) -join ',')
        foreach ($command in $xml.SelectNodes('//command:command', $ns)) {
            $command.SelectSingleNode('command:details/maml:description/maml:para', $ns) | Should -Not -BeNullOrEmpty
            $command.SelectSingleNode('command:syntax/command:syntaxItem', $ns) | Should -Not -BeNullOrEmpty
        }
    }

    It 'answers Get-Help about_Composio' {
        $text = Get-Help about_Composio | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'COMPOSIO_API_KEY'
        $text | Should -Match 'COMPOSIO_ALLOW_INSECURE_HTTP'
    }

    It 'carries every seed example into the compiled help' {
        $expected = @{
            'New-ComposioAuthConfig'      = 'New-ComposioAuthConfig -Toolkit github', 'AuthScheme OAUTH2', 'sales-email-read', 'perplexityai'
            'Get-ComposioAuthConfigField' = 'Get-ComposioAuthConfigField -Toolkit notion -AuthScheme OAUTH2 -RequiredOnly'
            'Remove-ComposioAuthConfig'   = 'Get-ComposioAuthConfig -Toolkit github | Remove-ComposioAuthConfig -Confirm:$false'
        }
        # Read from the MAML rather than Get-Help, so pages of cmdlets not merged yet are checked too.
        $maml = [xml](Get-Content -Raw $MamlPath)
        foreach ($name in $expected.Keys) {
            $command = @($maml.helpItems.command | Where-Object { $_.details.name -eq $name })
            $command.Count | Should -Be 1
            $code = @($command[0].examples.example | ForEach-Object code) -join "`n"
            foreach ($snippet in $expected[$name]) { $code | Should -Match ([regex]::Escape($snippet)) }
        }
    }

    It 'numbers each page''s examples 1..n, without repeats or gaps' {
        $bad = foreach ($page in Get-ChildItem $DocsPath -Filter '*-*.md') {
            $numbers = @(Select-String -LiteralPath $page.FullName -Pattern '^### Example (\d+)' | ForEach-Object { [int]$_.Matches[0].Groups[1].Value })
            $expected = @(if ($numbers.Count) { 1..$numbers.Count })
            if (($numbers -join ',') -ne ($expected -join ',')) { "$($page.Name): $($numbers -join ',')" }
        }
        $bad | Should -BeNullOrEmpty
    }

    It 'has examples that parse as PowerShell, as written' {
        $bad = foreach ($page in Get-ChildItem $DocsPath -Filter '*.md') {
            foreach ($block in Split-MarkdownBlock ([IO.File]::ReadAllLines($page.FullName))) {
                if ($block.Kind -ne 'Code' -or $block.Language -ne 'powershell') { continue }
                $errors = $null
                [System.Management.Automation.Language.Parser]::ParseInput(($block.Lines -join "`n"), [ref]$null, [ref]$errors) | Out-Null
                if ($errors) { "$($page.Name): $($errors[0].Message) in: $($block.Lines[0])" }
            }
        }
        $bad | Should -BeNullOrEmpty
    }

    It 'passes -Secret in every Sync example whose file references a secret that no environment variable gives' {
        $page = Get-Content -Raw (Join-Path $DocsPath 'Sync-ComposioAuthConfig.md')
        foreach ($example in [regex]::Matches($page, '(?ms)^### Example \d+.*?(?=^### |^## )')) {
            $text = $example.Value
            if ($text -notmatch 'Sync-ComposioAuthConfig' -or $text -notmatch '@\{\s*Secret\s*=') { continue }
            $text | Should -Match 'Sync-ComposioAuthConfig[^\n]*-Secret' -Because 'the file of this example names a secret, and the example must run as written'
        }
    }

    It 'uses no literal secret in any example' {
        # Secrets come from Read-Host -AsSecureString or Get-Secret; the seed's 1234567890 is the one placeholder.
        $literal = Select-String -Path (Join-Path $DocsPath '*.md') -Pattern '(ConvertTo-SecureString|client_secret\s*=\s*[''"]|-(ClientSecret|ApiKey)\s+[''"])'
        $literal | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help -Online' -Skip:(-not $IsLinux) {
    It 'opens the cmdlet''s online page' {
        # A stand-in for the browser: .NET opens URIs on Linux with the first xdg-open on PATH.
        $bin = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "browser-$([guid]::NewGuid().ToString('N'))")
        $opened = Join-Path $bin 'opened.txt'
        $browser = Join-Path $bin 'xdg-open'
        # Written aside, then renamed: the test never reads a half-written file.
        Set-Content $browser "#!/bin/sh`nprintf '%s' `"`$1`" > '$opened.part' && mv '$opened.part' '$opened'"
        [IO.File]::SetUnixFileMode($browser, [IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
        $savedPath = $env:PATH
        try {
            $env:PATH = "$bin$([IO.Path]::PathSeparator)$env:PATH"
            Get-Help New-ComposioAuthConfig -Online
            Wait-Until { Test-Path $opened } 'The browser was never started.' -Seconds 10
            Get-Content -Raw $opened | Should -Be "$ProjectUri/blob/main/docs/New-ComposioAuthConfig.md"
        }
        finally {
            $env:PATH = $savedPath
            Remove-Item $bin -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

Describe 'ConvertTo-MamlHelp.ps1' {
    BeforeAll {
        $work = Join-Path ([System.IO.Path]::GetTempPath()) "maml-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Force (Join-Path $work 'docs') | Out-Null
    }
    AfterAll { Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue }

    It 'survives a page with missing and unknown sections, and escapes markup characters' {
        Set-Content (Join-Path $work 'docs/Get-Thing.md') @'
# Get-Thing

## SYNOPSIS
Gets <things> & "stuff" with ]]> in it.

## SOMETHING ELSE
Ignored.

## PARAMETERS

### -Name
No yaml block here.
'@
        & $Converter -DocsPath (Join-Path $work 'docs') -OutputPath (Join-Path $work 'out') -WarningVariable warnings 3>$null
        $warnings | Should -BeNullOrEmpty
        $xml = [xml](Get-Content -Raw (Join-Path $work 'out/Composio.PowerShell.dll-Help.xml'))
        $xml.helpItems.command.details.description.para | Should -Be 'Gets <things> & "stuff" with ]]> in it.'
        $xml.helpItems.command.parameters.parameter.name | Should -Be 'Name'
    }

    It 'keeps going past an unclosed code fence and a page that is not a cmdlet' {
        Set-Content (Join-Path $work 'docs/Set-Thing.md') "# Set-Thing`n`n## SYNOPSIS`nSets things.`n`n## EXAMPLES`n`n### Example 1: Open fence`n``````powershell`nSet-Thing"
        Set-Content (Join-Path $work 'docs/README.md') "# Notes for writers`n`nNot a help page."
        & $Converter -DocsPath (Join-Path $work 'docs') -OutputPath (Join-Path $work 'out2') 3>$null
        $xml = [xml](Get-Content -Raw (Join-Path $work 'out2/Composio.PowerShell.dll-Help.xml'))
        @($xml.helpItems.command.details.name) | Should -Contain 'Set-Thing'
        @($xml.helpItems.command.details.name) | Should -Not -Contain 'Notes for writers'
        ($xml.helpItems.command | Where-Object { $_.details.name -eq 'Set-Thing' }).examples.example.code | Should -Be 'Set-Thing'
    }

    It 'writes one syntax item per parameter set, each with its own parameters, positional ones first' {
        $xml = [xml](Get-Content -Raw $MamlPath)
        $command = $xml.helpItems.command | Where-Object { $_.details.name -eq 'Get-ComposioAuthConfig' }
        $items = @($command.syntax.syntaxItem)
        $items.Count | Should -Be 2
        $list = @($items[0].parameter.name)
        $byId = @($items[1].parameter.name)
        $list | Should -Contain 'Toolkit'
        $list | Should -Not -Contain 'Id'
        $byId[0] | Should -Be 'Id'
        $byId | Should -Contain 'First'
        $byId | Should -Not -Contain 'Toolkit'
    }

    It 'converts all of docs/ in under 2 seconds' {
        $out = Join-Path $work 'timed'
        # Best of two runs, so a busy machine's first-compile hiccup does not decide it.
        $times = 1..2 | ForEach-Object { (Measure-Command { & $Converter -DocsPath $DocsPath -OutputPath $out }).TotalSeconds }
        ($times | Measure-Object -Minimum).Minimum | Should -BeLessThan 2
    }
}
