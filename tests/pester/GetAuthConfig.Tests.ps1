. (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

Describe 'Get-ComposioAuthConfig' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
    }

    Context 'filters' {
        BeforeEach {
            $gh1 = New-ManagedConfig $emulator github 'gh one'
            $gh2 = New-ManagedConfig $emulator github 'gh two'
            $no1 = New-CustomConfig $emulator notion 'notion custom'
            $sl1 = New-ManagedConfig $emulator slack 'slack one'
            Clear-ComposioEmulatorRequest $emulator
        }

        It 'lists every enabled config as typed AuthConfig objects' {
            $all = @(Get-ComposioAuthConfig)
            $all.Count | Should -Be 4
            # The client's types live in the module's own load context, so compare names, not [type]s.
            $all | ForEach-Object { $_.GetType().FullName | Should -Be 'Composio.AuthConfig' }
            ($all | Where-Object Id -eq $no1).Type | Should -Be 'Custom'
        }

        It 'filters by toolkits, case-insensitively, sending one comma-joined toolkit_slug' {
            $got = @(Get-ComposioAuthConfig -Toolkit GitHub, notion)
            $got.Id | Sort-Object | Should -Be (@($gh1, $gh2, $no1) | Sort-Object)
            $listings = @(Get-ApiRequest $emulator | Where-Object path -like '*/auth_configs')
            $listings.Count | Should -Be 1
            $listings[0].query | Should -Match 'toolkit_slug=github(%2C|,)notion'
        }

        It 'filters by -ComposioManaged and -Custom' {
            @(Get-ComposioAuthConfig -Custom).Id | Should -Be @($no1)
            @(Get-ComposioAuthConfig -ComposioManaged).Count | Should -Be 3
            $queries = (Get-ApiRequest $emulator).query
            $queries[0] | Should -Match 'is_composio_managed=false'
            $queries[1] | Should -Match 'is_composio_managed=true'
        }

        It 'refuses -ComposioManaged with -Custom before sending anything' {
            { Get-ComposioAuthConfig -ComposioManaged -Custom } | Should -Throw -ErrorId 'ConflictingTypeFilter,*'
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }

        It 'searches by name' {
            @(Get-ComposioAuthConfig -Search 'slack').Id | Should -Be @($sl1)
        }
    }

    Context 'by id' {
        BeforeEach {
            $a = New-ManagedConfig $emulator github 'first'
            $b = New-CustomConfig $emulator notion 'second'
            Clear-ComposioEmulatorRequest $emulator
        }

        It 'retrieves several ids, positionally' {
            $got = Get-ComposioAuthConfig $a, $b
            $got.Name | Should -Be @('first', 'second')
            (Get-ApiRequest $emulator).path | Should -Be @("/api/v3.1/auth_configs/$a", "/api/v3.1/auth_configs/$b")
        }

        It 'takes ids by property name from the pipeline' {
            $got = [pscustomobject]@{ Id = $a }, [pscustomobject]@{ Id = $b } | Get-ComposioAuthConfig
            $got.Id | Should -Be @($a, $b)
        }

        It 'reports an unknown id mid-pipeline as a non-terminating ObjectNotFound and goes on' {
            $missing = 'ac_doesnotexist1'
            $got = [pscustomobject]@{ Id = $a }, [pscustomobject]@{ Id = $missing }, [pscustomobject]@{ Id = $b } |
                Get-ComposioAuthConfig -ErrorVariable failures -ErrorAction SilentlyContinue
            $got.Id | Should -Be @($a, $b)
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ComposioNotFound,*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be $missing
        }

        It 'refuses a malformed id without sending it' {
            Get-ComposioAuthConfig -Id '../toolkits/github' -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAuthConfigId,*'
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }
    }

    Context 'paging over more than three pages' {
        BeforeAll {
            # 170 configs = four pages of the API's maximum (50 in v3.1).
            $pageSize = 50
        }
        BeforeEach {
            Add-ComposioEmulatorSeed $emulator -Toolkit github -Count 170 -NamePrefix 'bulk-' | Out-Null
            Clear-ComposioEmulatorRequest $emulator
        }

        It 'streams all pages at the maximum page size' {
            $all = @(Get-ComposioAuthConfig)
            $all.Count | Should -Be 170
            ($all.Id | Select-Object -Unique).Count | Should -Be 170
            $pages = Get-ApiRequest $emulator
            $pages.Count | Should -Be 4
            $pages | ForEach-Object { $_.query | Should -Match "limit=$pageSize" }
        }

        It '-First stops fetching once satisfied' {
            $got = @(Get-ComposioAuthConfig -First 120)
            $got.Count | Should -Be 120
            (Get-ApiRequest $emulator).Count | Should -Be 3
        }

        It '-Skip and -First fetch only the pages they reach' {
            $got = @(Get-ComposioAuthConfig -Skip 100 -First 10)
            $got.Name | Should -Be (101..110 | ForEach-Object { "bulk-$_" })
            (Get-ApiRequest $emulator).Count | Should -Be 3
        }

        It '-Skip past the middle reads to the end' {
            $got = @(Get-ComposioAuthConfig -Skip 160)
            $got.Name | Should -Be (161..170 | ForEach-Object { "bulk-$_" })
            (Get-ApiRequest $emulator).Count | Should -Be 4
        }

        It 'asks for a smaller page when -First wants less than one page' {
            @(Get-ComposioAuthConfig -First 5).Count | Should -Be 5
            $pages = Get-ApiRequest $emulator
            $pages.Count | Should -Be 1
            $pages[0].query | Should -Match 'limit=5(&|$)'
        }

        It '-First 0 fetches nothing' {
            Get-ComposioAuthConfig -First 0 | Should -BeNullOrEmpty
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }

        It '-IncludeTotalCount writes the server total first' {
            $got = @(Get-ComposioAuthConfig -IncludeTotalCount -First 2)
            $got.Count | Should -Be 3
            $got[0].ToString() | Should -Match '170'
            $got[1].GetType().FullName | Should -Be 'Composio.AuthConfig'
            (Get-ApiRequest $emulator).Count | Should -Be 1
        }

        It 'writes the first object before it asks for the second page' {
            $requestsAtFirstObject = $null
            Get-ComposioAuthConfig | ForEach-Object {
                if ($null -eq $requestsAtFirstObject) { $requestsAtFirstObject = (Get-ApiRequest $emulator).Count }
            }
            $requestsAtFirstObject | Should -Be 1
        }

        It 'fetches one page only when the pipeline wants one object' {
            Get-ComposioAuthConfig | Select-Object -First 1 | Should -Not -BeNullOrEmpty
            (Get-ApiRequest $emulator).Count | Should -Be 1
        }

        It 'shows progress for a listing of many pages and completes it' {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModuleManifest'; Get-ComposioAuthConfig | Out-Null")
                $ps.Invoke()
                $ps.HadErrors | Should -BeFalse
                $records = @($ps.Streams.Progress | Where-Object Activity -eq 'Listing Composio auth configs')
                $records.Count | Should -BeGreaterThan 1
                $records[0].StatusDescription | Should -Match 'of 170'
                $records[-1].RecordType | Should -Be 'Completed'
            }
            finally { $ps.Dispose() }
        }

        It 'shows no progress for a listing of one page' {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$ModuleManifest'; Get-ComposioAuthConfig -First 10 | Out-Null")
                $ps.Invoke()
                @($ps.Streams.Progress | Where-Object Activity -eq 'Listing Composio auth configs').Count | Should -Be 0
            }
            finally { $ps.Dispose() }
        }
    }

    Context 'id completion' {
        BeforeEach {
            Connect-TestEmulator $emulator | Out-Null   # a new connection forgets the ids of earlier tests
            $a = New-ManagedConfig $emulator github 'alpha config'
            $b = New-CustomConfig $emulator notion 'beta config'
        }

        It 'completes ids seen by the last listing, with the name as tooltip, without a request' {
            Get-ComposioAuthConfig | Out-Null
            Clear-ComposioEmulatorRequest $emulator
            $line = 'Get-ComposioAuthConfig -Id '
            $completions = (TabExpansion2 $line $line.Length).CompletionMatches
            $completions.CompletionText | Should -Contain $a
            ($completions | Where-Object CompletionText -eq $b).ToolTip | Should -Be 'beta config (notion)'
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }

        It 'matches names too, and completes -Id of Set, Enable and Disable' {
            Get-ComposioAuthConfig | Out-Null
            foreach ($command in 'Get', 'Set', 'Enable', 'Disable') {
                $line = "$command-ComposioAuthConfig -Id bet"
                (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @($b)
            }
        }

        It 'fetches one page when it has seen nothing yet' {
            Clear-ComposioEmulatorRequest $emulator
            $line = 'Enable-ComposioAuthConfig '
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be (@($a, $b) | Sort-Object)
            (Get-ApiRequest $emulator).Count | Should -Be 1
        }
    }
    Context 'by name, toolkit pattern and status' {
        BeforeEach {
            $ci1 = New-ManagedConfig $emulator github 'ci-github'
            $ci2 = New-CustomConfig $emulator notion 'ci-notion'
            $prod = New-ManagedConfig $emulator github 'prod-github'
            $par = New-ManagedConfig $emulator slack 'par-slack'
            $off = New-ManagedConfig $emulator gmail 'ci-gmail-off'
            Invoke-EmulatorApi $emulator PATCH "auth_configs/$off/DISABLED" | Out-Null
            Clear-ComposioEmulatorRequest $emulator
        }

        It 'takes a name pattern positionally, sends its literal prefix as the search and matches the rest here' {
            @(Get-ComposioAuthConfig ci-*).Id | Sort-Object | Should -Be (@($ci1, $ci2, $off) | Sort-Object)
            $listing = @(Get-ApiRequest $emulator | Where-Object path -like '*/auth_configs')
            $listing.Count | Should -Be 1
            $listing[0].query | Should -Match 'search=ci-(&|$)'
            $listing[0].query | Should -Match 'show_disabled=true'
        }

        It 'matches any of several patterns, with no server search for them' {
            @(Get-ComposioAuthConfig -Name '*-github', 'par-*').Id | Sort-Object | Should -Be (@($ci1, $prod, $par) | Sort-Object)
            (Get-ApiRequest $emulator)[0].query | Should -Not -Match 'search='
        }

        It 'no longer returns nothing for a wildcard -Search' {
            @(Get-ComposioAuthConfig -Search 'par-*').Id | Should -Be @($par)
            (Get-ApiRequest $emulator)[0].query | Should -Match 'search=par-(&|$)'
        }

        It 'still fetches by id when the positional value is an id' {
            (Get-ComposioAuthConfig $prod).Name | Should -Be 'prod-github'
            (Get-ApiRequest $emulator).path | Should -Be @("/api/v3.1/auth_configs/$prod")
        }

        It 'takes toolkit wildcards, matched here since the server has no pattern filter' {
            @(Get-ComposioAuthConfig -Toolkit 'g*').Id | Sort-Object | Should -Be (@($ci1, $prod, $off) | Sort-Object)
            $listing = @(Get-ApiRequest $emulator | Where-Object path -like '*/auth_configs')
            $listing.Count | Should -Be 1
            $listing[0].query | Should -Not -Match 'toolkit_slug'
            # Combined with a name pattern, both must match.
            @(Get-ComposioAuthConfig ci-* -Toolkit 'g*').Id | Sort-Object | Should -Be (@($ci1, $off) | Sort-Object)
        }

        It 'lists enabled and disabled configs by default, so Get | Enable reaches disabled ones' {
            $all = @(Get-ComposioAuthConfig)
            $all.Count | Should -Be 5
            ($all | Where-Object Id -eq $off).Status | Should -Be 'DISABLED'
            Get-ComposioAuthConfig | Enable-ComposioAuthConfig
            (Get-RawConfig $emulator $off).status | Should -Be 'ENABLED'
        }

        It '-Status narrows to one state: Enabled lets the server hide disabled ones, Disabled is matched here' {
            @(Get-ComposioAuthConfig -Status Enabled).Count | Should -Be 4
            (Get-ApiRequest $emulator)[0].query | Should -Not -Match 'show_disabled'
            Clear-ComposioEmulatorRequest $emulator
            @(Get-ComposioAuthConfig -Status disabled).Id | Should -Be @($off)
            (Get-ApiRequest $emulator)[0].query | Should -Match 'show_disabled=true'
        }

        It 'the default table puts Name first, shows the state, and keeps a long name whole at 80 columns' {
            $long = New-ManagedConfig $emulator github 'a name of thirty-four characters!'
            $text = Get-ComposioAuthConfig | Out-String -Width 80
            $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
            $lines[0] | Should -Match '^Name\s+Status\s+Type\s+Toolkit\s+Id\s*$'
            $text | Should -Match 'a name of thirty-four characters!'
            $text | Should -Match 'ci-gmail-off\s+Disabled\s+Managed\s+gmail'
            $text | Should -Match 'ci-notion\s+Enabled\s+Custom\s+notion'
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        }

        It 'completes -Name from the names seen, narrowed by the -Toolkit typed' {
            Get-ComposioAuthConfig | Out-Null
            Clear-ComposioEmulatorRequest $emulator
            $line = 'Get-ComposioAuthConfig -Toolkit github -Name '
            $offered = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
            $offered | Should -Contain 'ci-github'
            $offered | Should -Contain 'prod-github'
            $offered | Should -Not -Contain 'ci-notion'
            $offered | Should -Not -Contain 'par-slack'
            $line = 'Get-ComposioAuthConfig -Name ci-'
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('ci-github', 'ci-gmail-off', 'ci-notion')
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }

        It 'completes Export -Name from the names seen, without a request' {
            Get-ComposioAuthConfig | Out-Null
            Clear-ComposioEmulatorRequest $emulator
            $line = 'Export-ComposioAuthConfig ./out.psd1 -Name ci-'
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('ci-github', 'ci-gmail-off', 'ci-notion')
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }

        It 'completes New -Scope from the cached toolkit, and -Toolkit with its display name and managed auth' {
            Get-ComposioToolkit -Slug gmail | Out-Null
            Clear-ComposioEmulatorRequest $emulator
            $line = 'New-ComposioAuthConfig -Toolkit gmail -Scope '
            $scopes = (TabExpansion2 $line $line.Length).CompletionMatches
            $scopes.ListItemText | Should -Contain 'https://www.googleapis.com/auth/gmail.send'
            $scopes.ListItemText | Should -Not -Contain 'https://www.googleapis.com/auth/drive'
            ($scopes | Where-Object ListItemText -eq 'https://www.googleapis.com/auth/gmail.send').CompletionText | Should -Be "'https://www.googleapis.com/auth/gmail.send'"
            $line = 'Get-ComposioAuthConfig -Toolkit gmai'
            $toolkit = (TabExpansion2 $line $line.Length).CompletionMatches | Where-Object CompletionText -eq 'gmail'
            $toolkit.ToolTip | Should -Be 'Gmail (gmail); Composio-managed auth: OAUTH2'
            # Neither completion asks for a toolkit record: the scopes and the tooltip come from the cache.
            @(Get-ApiRequest $emulator | Where-Object path -like '*/toolkits/*' | ForEach-Object { $_.method + ' ' + $_.path }) | Should -Be @()
        }

        It 'completes the tool-list parameters with the bound toolkit''s tools (one GET /tools walk, then kept on the connection)' {
            Connect-TestEmulator $emulator | Out-Null   # a new connection, with no tools kept yet
            Clear-ComposioEmulatorRequest $emulator
            $line = 'New-ComposioAuthConfig -Toolkit github -ToolsAvailableForExecution GITHUB_S'
            $tools = (TabExpansion2 $line $line.Length).CompletionMatches
            $tools.CompletionText | Should -Be @('GITHUB_STAR_A_REPOSITORY')
            $tools[0].ToolTip | Should -Be 'GITHUB_STAR_A_REPOSITORY (Star a repository)'
            @(Get-ApiRequest $emulator | Where-Object path -like '*/tools' | ForEach-Object { $_.method + ' ' + $_.path }) | Should -Be @('GET /api/v3.1/tools')
            Clear-ComposioEmulatorRequest $emulator
            $line = 'New-ComposioAuthConfig github -ToolsForConnectedAccountCreation '
            $offered = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
            $offered | Should -Contain 'GITHUB_CREATE_AN_ISSUE'
            $offered | Should -Not -Contain 'SLACK_SEND_MESSAGE'
            $line = 'Get-ComposioToolkitScope gmail -Tool '
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | ForEach-Object { $_ | Should -BeLike 'GMAIL_*' }
            # github's tools were kept: the second completion sent nothing; gmail's walk is the only request.
            @(Get-ApiRequest $emulator | ForEach-Object { $_.method + ' ' + $_.path }) | Should -Be @('GET /api/v3.1/tools')
            # Set knows the toolkit from the config bound to -Id (seen by the listing above: no read).
            $id = (Get-ComposioAuthConfig -Name ci-github).Id
            Clear-ComposioEmulatorRequest $emulator
            $line = "Set-ComposioAuthConfig -Id $id -ToolsAvailableForExecution GITHUB_CREATE_A_"
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('GITHUB_CREATE_A_GIST', 'GITHUB_CREATE_A_WORKFLOW_DISPATCH_EVENT')
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }

        It 'offers no tools, and throws nothing, for an unknown toolkit, an unknown config or a server that fails' {
            foreach ($line in 'New-ComposioAuthConfig -Toolkit not_a_toolkit -ToolsAvailableForExecution ',
                              'Set-ComposioAuthConfig -Id ac_doesnotexist1 -ToolsAvailableForExecution ',
                              'New-ComposioAuthConfig -Toolkit "bad slug!" -ToolsAvailableForExecution ') {
                @((TabExpansion2 $line $line.Length).CompletionMatches | Where-Object ResultType -eq 'ParameterValue') | Should -BeNullOrEmpty
            }
            Add-ComposioEmulatorFault $emulator -Rule @{ method = 'GET'; path = '/api/v3.1/tools'; kind = 'status'; status = 500; times = 10 }
            try {
                $line = 'New-ComposioAuthConfig -Toolkit slack -ToolsAvailableForExecution '
                @((TabExpansion2 $line $line.Length).CompletionMatches | Where-Object ResultType -eq 'ParameterValue') | Should -BeNullOrEmpty
            }
            finally { Clear-ComposioEmulatorFault $emulator }
        }
    }
}
